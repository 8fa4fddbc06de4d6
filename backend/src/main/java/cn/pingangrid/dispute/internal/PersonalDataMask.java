package cn.pingangrid.dispute.internal;

/** Masks names and phone numbers for readers who do not handle a case: 张三 → 张*, 13812345678 → 138****5678. */
public final class PersonalDataMask {

    private PersonalDataMask() {
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = Math.max(1, name.codePointCount(first, name.length()));
        return name.substring(0, first) + "*".repeat(rest);
    }

    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
