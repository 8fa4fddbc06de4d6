package cn.pingangrid.dispute;

import cn.pingangrid.system.Coded;

/**
 * 等级. 重大 is the seed's (§五.1: 对重大矛盾纠纷，由综治办牵头，落实责任单位、责任人，限期调处): it needs a responsible
 * unit, person and deadline. 一般 and 较大 are the product's tiers below it (the seed names no others).
 */
public enum Severity implements Coded {
    ORDINARY("一般"),
    SERIOUS("较大"),
    MAJOR("重大");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
