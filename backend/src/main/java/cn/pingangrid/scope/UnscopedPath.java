package cn.pingangrid.scope;

/**
 * Every path that may read or write area-bound data without a user's scope: the whole list, in one place. Each
 * names the one class allowed to open it ({@link SystemScope#run}); an architecture test holds the code to it.
 */
public enum UnscopedPath {

    /** Start-up import of the town's dataset and what is derived from it once. */
    GEOGRAPHY_IMPORT("cn.pingangrid.area.internal.GeographyImport"),
    BORDER_DERIVATION("cn.pingangrid.border.internal.BorderDerivation"),
    /** Bulk load of the benchmark county (geography and dispute history) by COPY, into an empty database. */
    COUNTY_LOAD("cn.pingangrid.county.internal.CountyLoad"),

    /** Demo data of the {@code demo} profile, written at start-up. */
    DEMO_ACCOUNTS("cn.pingangrid.account.internal.DemoAccounts"),
    DEMO_DISPUTES("cn.pingangrid.dispute.internal.DemoDisputes"),
    DEMO_SWEEPS("cn.pingangrid.sweep.internal.DemoSweeps"),
    DEMO_SITES("cn.pingangrid.site.internal.DemoSites"),
    DEMO_HAZARDS("cn.pingangrid.hazard.internal.DemoHazards"),
    DEMO_HOUSEHOLDS("cn.pingangrid.household.internal.DemoHouseholds"),

    /** Re-encrypting every household ID number and phone under a new key ({@code --pingan.household.rotate-to}). */
    HOUSEHOLD_KEY_ROTATION("cn.pingangrid.household.internal.HouseholdKeyRotation"),

    /** The scheduled job that marks disputes past their deadline, town-wide. */
    OVERDUE_JOB("cn.pingangrid.dispute.internal.OverdueDisputes");

    private final String owner;

    UnscopedPath(String owner) {
        this.owner = owner;
    }

    /** The fully qualified name of the only class that may open this path. */
    public String owner() {
        return owner;
    }
}
