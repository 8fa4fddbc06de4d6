package cn.pingangrid.account;

/**
 * The demo's village cadres: one account per village, so each village's weekly sweeps and mediation are filed by
 * its own cadre. {@value #MAIN_USERNAME} works in {@value #MAIN_VILLAGE} (the README's demo village); every other
 * village's cadre is {@code cunganbu-NNN}, NNN being the last three digits of the village code. Same password as
 * every demo account.
 */
public final class DemoCadres {

    public static final String MAIN_VILLAGE = "九湖村";
    public static final String MAIN_USERNAME = "cunganbu";

    private DemoCadres() {
    }

    /** The demo cadre account of a village. */
    public static String username(String villageCode, String villageName) {
        return MAIN_VILLAGE.equals(villageName) ? MAIN_USERNAME
                : MAIN_USERNAME + "-" + villageCode.substring(villageCode.length() - 3);
    }
}
