package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpaceTimeGiStarTests {

    /**
     * Three units on a line (band 100) over two months, counts [0,0,0] then [0,0,6]: n = 6 bins, X̄ = 1,
     * S = √(36/6 − 1) = √5. Bin (unit 2, month 1): neighbours units 1,2 in months 0,1, W = 4, Σx = 6:
     * (6 − 4)/(√5 · √(4·2/5)) = 2/√8 = 0.7071. Bin (unit 0, month 0): units 0,1 in month 0 only, W = 2, Σx = 0:
     * −2/(√5 · √(2·4/5)) = −0.7071.
     */
    @Test
    void theMonthBeforeIsPartOfTheNeighbourhood() {
        int[][] nb = GetisOrdGiStar.neighbours(new double[] { 0, 100, 200 }, new double[3], 100);
        SpaceTimeGiStar.Cube cube = SpaceTimeGiStar.compute(new double[][] { { 0, 0, 0 }, { 0, 0, 6 } }, nb);
        assertThat(cube.z()[1][2]).isCloseTo(2 / Math.sqrt(8), within(1e-12));
        assertThat(cube.z()[0][0]).isCloseTo(-2 / Math.sqrt(8), within(1e-12));
        // (unit 1, month 1): units 0..2 in both months, W = 6 = n: nothing to test
        assertThat(cube.z()[1][1]).isZero();
    }

    @Test
    void oneStepIsPlainGiStar() {
        double[] x = { 0, 100, 200, 300, 400 };
        int[][] nb = GetisOrdGiStar.neighbours(x, new double[5], 100);
        double[] counts = { 0, 0, 0, 5, 5 };
        SpaceTimeGiStar.Cube cube = SpaceTimeGiStar.compute(new double[][] { counts }, nb);
        assertThat(cube.z()[0]).containsExactly(GetisOrdGiStar.compute(counts, nb, 100).z(), within(1e-12));
    }
}
