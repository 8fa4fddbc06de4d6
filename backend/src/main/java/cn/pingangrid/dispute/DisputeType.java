package cn.pingangrid.dispute;

import cn.pingangrid.system.Coded;

/**
 * 纠纷类型. From the seed (§五.1: 企业转制、山林土地纠纷、劳动安全事故, 劳资纠纷多发期; §五.2: 医疗纠纷、道路交通、劳动
 * 争议): all but the last three. 婚姻家庭 and 邻里 are the product's additions (the commonest cases in a rural
 * register, which the seed does not list), and 其他 catches the rest.
 */
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
