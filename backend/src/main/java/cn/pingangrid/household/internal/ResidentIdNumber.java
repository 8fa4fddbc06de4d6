package cn.pingangrid.household.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;

/**
 * A citizen ID number (公民身份号码) checked as GB 11643-1999 defines it: 18 characters — a 6-digit address code,
 * the birth date {@code yyyyMMdd}, a 3-digit sequence code (odd for men, even for women) and a check character by
 * ISO 7064 MOD 11-2 ({@code 0-9} or {@code X}). The birth date must be a real day, not in the future and within
 * {@link Dates#EARLIEST}. The address code is not looked up (GB/T 2260 changes; the checksum is what catches typing
 * errors). Refusals name the field and never repeat the number.
 */
record ResidentIdNumber(String value, LocalDate birthDate, String gender) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    /** The checked number (upper-case X) with its birth date and gender ({@code 男}/{@code 女}). */
    static ResidentIdNumber parse(String field, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "必填");
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.length() != 18) {
            throw new InvalidInputException(field, "身份证号码须为 18 位（现为 " + t.codePointCount(0, t.length()) + " 位）");
        }
        if (!t.matches("\\d{17}[\\dX]")) {
            throw new InvalidInputException(field, "身份证号码前 17 位须为数字，最后一位为数字或 X");
        }
        if (t.charAt(17) != checkCharacter(t)) {
            throw new InvalidInputException(field, "身份证号码校验位不符（GB 11643），请核对是否输错");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(t.substring(6, 10)), Integer.parseInt(t.substring(10, 12)),
                    Integer.parseInt(t.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "身份证号码中的出生日期不是有效日期");
        }
        if (birth.isAfter(today)) {
            throw new InvalidInputException(field, "身份证号码中的出生日期晚于今天");
        }
        if (birth.isBefore(Dates.EARLIEST)) {
            throw new InvalidInputException(field, "身份证号码中的出生日期早于 " + Dates.EARLIEST);
        }
        return new ResidentIdNumber(t, birth, (t.charAt(16) - '0') % 2 == 1 ? "男" : "女");
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
