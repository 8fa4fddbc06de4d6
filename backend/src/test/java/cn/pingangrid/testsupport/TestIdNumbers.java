package cn.pingangrid.testsupport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Citizen ID numbers for tests: the address code 999999 (no province 99 exists, so never a real person's), a birth
 * date, a random sequence code of the right parity and the GB 11643 check character, computed here independently
 * of the application's own checker.
 */
public final class TestIdNumbers {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private TestIdNumbers() {
    }

    public static String valid(LocalDate birth, boolean male) {
        int order = ThreadLocalRandom.current().nextInt(500) * 2 + (male ? 1 : 0);
        return withCheck("999999" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", order));
    }

    /** A random valid number of someone born 1950–2010. */
    public static String valid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return valid(LocalDate.of(1950 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28)), r.nextBoolean());
    }

    /** The same number with a wrong check character. */
    public static String wrongCheck(String valid) {
        char check = valid.charAt(17);
        return valid.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A random mobile number in the unassigned 100 prefix. */
    public static String phone() {
        return "100" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
