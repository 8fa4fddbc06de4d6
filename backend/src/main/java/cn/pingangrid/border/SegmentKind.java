package cn.pingangrid.border;

import cn.pingangrid.system.Coded;

/** The town's outline with a neighbouring jurisdiction, or a boundary between two of its villages. */
public enum SegmentKind implements Coded {
    TOWN("镇界"),
    VILLAGE("村界");

    private final String label;

    SegmentKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
