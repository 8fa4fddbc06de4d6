package cn.pingangrid.household.internal;

/**
 * What a reader without the full value sees: 430922********1234, 138****5678, 张*, and a birth year instead of the
 * date (the date is digits 7–14 of the ID number: shown beside the mask it would give the number away).
 */
final class Masks {

    private Masks() {
    }

    static String idNumber(String id) {
        return id == null ? null : id.substring(0, 6) + "*".repeat(8) + id.substring(14);
    }

    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 8 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    static String birthYear(java.time.LocalDate date) {
        return date == null ? null : date.getYear() + "年";
    }
}
