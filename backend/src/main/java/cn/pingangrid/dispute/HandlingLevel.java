package cn.pingangrid.dispute;

import cn.pingangrid.system.Coded;

/** 处理层级: 小事不出村 (village), 大事不出镇 (town), and cases sent beyond the town (矛盾上交). */
public enum HandlingLevel implements Coded {
    VILLAGE("村级"),
    TOWN("镇级"),
    BEYOND_TOWN("镇外");

    private final String label;

    HandlingLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
