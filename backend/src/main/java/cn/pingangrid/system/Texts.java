package cn.pingangrid.system;

/**
 * What any text from a client must be before it is stored or compared in the database: no NUL character
 * (PostgreSQL refuses it, H2 keeps it: the two would disagree) and well-formed Unicode (an unpaired surrogate
 * would be stored as "?" without a word). Applied to every JSON string ({@link StrictJson}), every query or form
 * parameter ({@link ParameterCheckFilter}) and every spreadsheet cell.
 */
public final class Texts {

    private Texts() {
    }

    /** Why {@code text} cannot be accepted, or null when it can. */
    public static String fault(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "不能包含 NUL 字符（\\u0000）";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "含有无效的 Unicode 字符（不成对的代理项）";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有无效的 Unicode 字符（不成对的代理项）";
            }
        }
        return null;
    }

    /** Refuses text with a {@link #fault}, naming the field. */
    public static String check(String field, String text) {
        String fault = fault(text);
        if (fault != null) {
            throw new InvalidInputException(field, fault);
        }
        return text;
    }

    /**
     * The one text check of a field: stripped; blank is null (or "必填" when required); longer than {@code max}
     * characters (the column's length) or with a {@link #fault} is a 400 naming the field. Never cut.
     */
    public static String field(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "必填");
            }
            return null;
        }
        String text = check(field, value).strip();
        if (text.length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 字");
        }
        return text;
    }

    /** A client's text made safe to echo in a message: control characters shown as \\uXXXX, at most 40 chars. */
    public static String quote(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length() && out.length() < 40) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            i++;
        }
        return i < text.length() ? out + "…" : out.toString();
    }
}
