package cn.pingangrid.dispute;

/** 等级. 重大 needs a responsible unit, person and deadline set by the town office (综治办牵头, 限期调处). */
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
