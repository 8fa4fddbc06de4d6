package cn.pingangrid.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A stable code (the enum constant's name) with a Chinese label for the UI and the spreadsheet. */
public interface Coded {

    String name();

    String label();

    /**
     * The constant named {@code code} (any case), or the one whose label is {@code code}; anything else is a 400
     * problem naming {@code field} and listing the codes.
     */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "必填");
        }
        String text = code.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.toUpperCase(Locale.ROOT)) || constant.label().equals(text)) {
                return constant;
            }
        }
        throw new InvalidInputException(field, "未知代码「" + code + "」，可用：" + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name() + "（" + c.label() + "）").collect(Collectors.joining("、")));
    }

    static <E extends Enum<E> & Coded> E parseOptional(Class<E> type, String field, String code) {
        return code == null || code.isBlank() ? null : parse(type, field, code);
    }
}
