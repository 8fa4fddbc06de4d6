package cn.pingangrid.area.internal;

import java.util.regex.Pattern;

import cn.pingangrid.system.InvalidInputException;

/**
 * The code scheme: county 430922 + town 117 (统计用区划代码) + 3-digit village + 2-digit grid + 5-digit building.
 * A malformed code in a filter is the client's mistake (400), not an unknown object (404).
 */
final class AreaCodes {

    private static final Pattern VILLAGE = Pattern.compile("\\d{12}");
    private static final Pattern GRID = Pattern.compile("\\d{14}");

    private AreaCodes() {
    }

    static String village(String field, String code) {
        return checked(field, code, VILLAGE, "村（社区）代码应为 12 位数字，如 430922117001");
    }

    static String grid(String field, String code) {
        return checked(field, code, GRID, "网格代码应为 14 位数字，如 43092211700101");
    }

    private static String checked(String field, String code, Pattern pattern, String reason) {
        if (code == null) {
            return null;
        }
        if (!pattern.matcher(code).matches()) {
            throw new InvalidInputException(field, reason);
        }
        return code;
    }
}
