package cn.pingangrid.border;

import java.util.Locale;

import cn.pingangrid.system.InvalidInputException;

/** The town's outline with a neighbouring jurisdiction, or a boundary between two of its villages. */
public enum SegmentKind {
    TOWN("镇界"),
    VILLAGE("村界");

    private final String label;

    SegmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SegmentKind parse(String field, String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "未知的边界类型「" + code + "」，可用 TOWN（镇界）、VILLAGE（村界）");
        }
    }
}
