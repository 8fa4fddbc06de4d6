package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Each class on a constructed series of twelve monthly bins (hot ≥ 1, cold ≤ −1) and z-scores; "90 %" of 12 is
 * 10.8, so 11 or 12 hot months. A second part runs whole constructed space-time cubes of counts through Gi*.
 */
class EmergingHotSpotsTests {

    static EmergingPattern classify(String bins) {
        int[] b = bins.chars().map(c -> c == 'H' ? 2 : c == 'C' ? -2 : 0).toArray();
        // z follows the bins, flat unless a test builds a trend
        double[] z = Arrays.stream(b).mapToDouble(v -> v * 1.5).toArray();
        return EmergingHotSpots.classify(b, z);
    }

    static EmergingPattern classifyWithTrend(String bins, double slope) {
        int[] b = bins.chars().map(c -> c == 'H' ? 2 : c == 'C' ? -2 : 0).toArray();
        double[] z = new double[b.length];
        for (int t = 0; t < b.length; t++) {
            z[t] = Math.signum(b[t]) * 3 + slope * t;
        }
        return EmergingHotSpots.classify(b, z);
    }

    @Test
    void hotSpotClasses() {
        assertThat(classify("...........H")).isEqualTo(EmergingPattern.NEW_HOT_SPOT);
        assertThat(classify(".........HHH")).isEqualTo(EmergingPattern.CONSECUTIVE_HOT_SPOT);
        assertThat(classify("HHHHHHHHHHHH")).isEqualTo(EmergingPattern.PERSISTENT_HOT_SPOT);
        assertThat(classify(".HHHHHHHHHHH")).isEqualTo(EmergingPattern.PERSISTENT_HOT_SPOT);
        assertThat(classifyWithTrend("HHHHHHHHHHHH", 0.5)).isEqualTo(EmergingPattern.INTENSIFYING_HOT_SPOT);
        assertThat(classifyWithTrend("HHHHHHHHHHHH", -0.2)).isEqualTo(EmergingPattern.DIMINISHING_HOT_SPOT);
        assertThat(classify("..H..H.H...H")).isEqualTo(EmergingPattern.SPORADIC_HOT_SPOT);
        assertThat(classify("H.........HH")).isEqualTo(EmergingPattern.SPORADIC_HOT_SPOT);
        assertThat(classify("..CC.......H")).isEqualTo(EmergingPattern.OSCILLATING_HOT_SPOT);
        assertThat(classify("CC..HH.H...H")).isEqualTo(EmergingPattern.OSCILLATING_HOT_SPOT);
        assertThat(classify("HHHHHHHHHHH.")).isEqualTo(EmergingPattern.HISTORICAL_HOT_SPOT);
        // 10 of 12 hot is under 90 %: neither persistent nor historical
        assertThat(classify("HHHHHHHHHH..")).isEqualTo(EmergingPattern.NO_PATTERN);
        assertThat(classify("............")).isEqualTo(EmergingPattern.NO_PATTERN);
        // 11 of 12 is ≥ 90 %: persistent despite the gap; 10 of 12 with a gap is sporadic
        assertThat(classify("HHHHHHHHHH.H")).isEqualTo(EmergingPattern.PERSISTENT_HOT_SPOT);
        assertThat(classify("HHHHHHHHH..H")).isEqualTo(EmergingPattern.SPORADIC_HOT_SPOT);
    }

    @Test
    void coldSpotClassesMirrorThem() {
        assertThat(classify("...........C")).isEqualTo(EmergingPattern.NEW_COLD_SPOT);
        assertThat(classify("..........CC")).isEqualTo(EmergingPattern.CONSECUTIVE_COLD_SPOT);
        assertThat(classify("CCCCCCCCCCCC")).isEqualTo(EmergingPattern.PERSISTENT_COLD_SPOT);
        // colder and colder: z falls, a significant downward trend intensifies a cold spot
        assertThat(classifyWithTrend("CCCCCCCCCCCC", -0.5)).isEqualTo(EmergingPattern.INTENSIFYING_COLD_SPOT);
        assertThat(classifyWithTrend("CCCCCCCCCCCC", 0.2)).isEqualTo(EmergingPattern.DIMINISHING_COLD_SPOT);
        assertThat(classify("C...C..C...C")).isEqualTo(EmergingPattern.SPORADIC_COLD_SPOT);
        assertThat(classify("HH.........C")).isEqualTo(EmergingPattern.OSCILLATING_COLD_SPOT);
        assertThat(classify("CCCCCCCCCCC.")).isEqualTo(EmergingPattern.HISTORICAL_COLD_SPOT);
    }

    /**
     * Whole cubes: 49 units on a 7 × 7 lattice 100 m apart (band 100: a unit and its four neighbours), twelve
     * months of 2 disputes per unit, and a block of the centre unit and its four neighbours that gets extra disputes
     * in a pattern over the months.
     */
    @Test
    void constructedCubes() {
        assertThat(cube(new int[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12 })).isEqualTo(EmergingPattern.NEW_HOT_SPOT);
        assertThat(cube(new int[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 12, 12 }))
                .isEqualTo(EmergingPattern.CONSECUTIVE_HOT_SPOT);
        assertThat(cube(new int[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 }))
                .isEqualTo(EmergingPattern.PERSISTENT_HOT_SPOT);
        assertThat(cube(new int[] { 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }))
                .isEqualTo(EmergingPattern.INTENSIFYING_HOT_SPOT);
        assertThat(cube(new int[] { 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6 }))
                .isEqualTo(EmergingPattern.DIMINISHING_HOT_SPOT);
        // the month before counts: two quiet months end it (month 10 still sees month 9's disputes)
        assertThat(cube(new int[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0 }))
                .isEqualTo(EmergingPattern.HISTORICAL_HOT_SPOT);
        assertThat(cube(new int[] { 12, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 12 }))
                .isEqualTo(EmergingPattern.SPORADIC_HOT_SPOT);
        assertThat(cube(new int[12])).isEqualTo(EmergingPattern.NO_PATTERN);
    }

    static EmergingPattern cube(int[] extra) {
        int side = 7;
        double[] x = new double[side * side];
        double[] y = new double[side * side];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % side) * 100.0;
            y[i] = (i / side) * 100.0;
        }
        int centre = 3 * side + 3;
        int[] block = { centre, centre - 1, centre + 1, centre - side, centre + side };
        double[][] counts = new double[extra.length][x.length];
        for (int t = 0; t < extra.length; t++) {
            Arrays.fill(counts[t], 2);
            for (int u : block) {
                counts[t][u] += extra[t];
            }
        }
        int[][] nb = GetisOrdGiStar.neighbours(x, y, 100);
        SpaceTimeGiStar.Cube c = SpaceTimeGiStar.compute(counts, nb);
        return EmergingHotSpots.classify(c.binSeries(centre), c.zSeries(centre));
    }
}
