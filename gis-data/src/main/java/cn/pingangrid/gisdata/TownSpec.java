package cn.pingangrid.gisdata;

import java.util.List;

/**
 * What the generator is asked to build: a town's identity, size and centre, its villages (names and rough
 * positions) and the neighbouring jurisdictions around it. Positions are hints, not survey data.
 *
 * @param code        the town's statistical division code (统计用区划代码), 9 digits; villages append 3
 * @param centreLng   longitude of the town's centre, degrees (CGCS2000)
 * @param centreLat   latitude of the town's centre, degrees (CGCS2000)
 * @param areaKm2     area the outline is scaled to
 * @param population  total population spread over the villages
 * @param seed        seed of the only random source
 * @param buildings   number of building footprints to place
 */
record TownSpec(String code, String name, String countyCode, String county, double centreLng, double centreLat,
                double areaKm2, int population, long seed, int buildings, List<VillagePlan> villages,
                List<NeighbourPlan> neighbours) {

    /**
     * One village or community.
     *
     * @param u         position hint west (-1) to east (+1) across the town's extent
     * @param v         position hint south (-1) to north (+1)
     * @param northBank whether it lies north of the river (villages do not straddle it)
     * @param areaKm2   target area; 0 means "draw one"
     */
    record VillagePlan(String name, boolean community, double u, double v, boolean northBank, double areaKm2) {
    }

    /**
     * A neighbouring jurisdiction occupying the sector of the surrounding ring from {@code fromDegrees}
     * (counter-clockwise from east) to the next neighbour's.
     */
    record NeighbourPlan(String name, String county, boolean countyBorder, double fromDegrees) {
    }

    static final long DALIGANG_SEED = 20190417L;

    /** 大栗港镇, 桃江县: about 171 km² and 72,000 people; 16 villages and 1 community (an illustrative list). */
    static TownSpec daligang() {
        return new TownSpec("430922117", "大栗港镇", "430922", "桃江县", 111.85, 28.45, 171.0, 72_000,
                DALIGANG_SEED, 15_000,
                List.of(
                        new VillagePlan("大栗港社区", true, 0.00, 0.10, true, 4.0),
                        new VillagePlan("童子山村", false, -0.75, 0.55, true, 0),
                        new VillagePlan("筑金坝村", false, -0.40, 0.72, true, 0),
                        new VillagePlan("牛蹄村", false, -0.02, 0.75, true, 0),
                        new VillagePlan("花园楼村", false, 0.38, 0.68, true, 0),
                        new VillagePlan("红岩咀村", false, 0.78, 0.40, true, 0),
                        new VillagePlan("小栗港村", false, -0.42, 0.22, true, 0),
                        new VillagePlan("九湖村", false, 0.42, 0.18, true, 0),
                        new VillagePlan("马鞭溪村", false, -0.80, -0.25, false, 0),
                        new VillagePlan("金盆村", false, -0.48, -0.22, false, 0),
                        new VillagePlan("瑜家桥村", false, -0.08, -0.28, false, 0),
                        new VillagePlan("栗山河村", false, 0.38, -0.25, false, 0),
                        new VillagePlan("兴坪村", false, 0.80, -0.28, false, 0),
                        new VillagePlan("德茂园村", false, -0.60, -0.72, false, 0),
                        new VillagePlan("首溪村", false, -0.22, -0.75, false, 0),
                        new VillagePlan("官村村", false, 0.18, -0.75, false, 0),
                        new VillagePlan("白泥村", false, 0.58, -0.70, false, 0)),
                List.of(
                        new NeighbourPlan("修山镇", "桃江县", false, -35),
                        new NeighbourPlan("三堂街镇", "桃江县", false, 55),
                        new NeighbourPlan("马迹塘镇", "桃江县", false, 140),
                        new NeighbourPlan("乐安镇", "安化县", true, 215),
                        new NeighbourPlan("灰山港镇", "桃江县", false, 280)));
    }
}
