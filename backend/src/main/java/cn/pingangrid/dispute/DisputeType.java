package cn.pingangrid.dispute;

/** 纠纷类型, as listed in the seed plan §五. */
public enum DisputeType implements Coded {
    LAND_FOREST("山林土地"),
    WAGES("劳资"),
    ENTERPRISE_RESTRUCTURING("企业转制"),
    WORK_SAFETY("劳动安全事故"),
    MEDICAL("医疗"),
    ROAD_TRAFFIC("道路交通"),
    LABOUR("劳动争议"),
    MARRIAGE_FAMILY("婚姻家庭"),
    NEIGHBOURS("邻里"),
    OTHER("其他");

    private final String label;

    DisputeType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
