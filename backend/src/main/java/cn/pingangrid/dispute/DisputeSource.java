package cn.pingangrid.dispute;

/** 来源: how the dispute came to the register. */
public enum DisputeSource implements Coded {
    SWEEP("排查发现"),
    WALK_IN("来访"),
    HOTLINE("热线"),
    POLICE("警情"),
    OTHER("其他");

    private final String label;

    DisputeSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
