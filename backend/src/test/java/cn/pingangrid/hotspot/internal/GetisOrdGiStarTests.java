package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class GetisOrdGiStarTests {

    /**
     * Five points on a line 100 m apart with counts 0, 0, 0, 5, 5 and a band of 100 m. n = 5, X̄ = 2,
     * S = √(50/5 − 4) = √6. Ends have 2 neighbours, the others 3; for both the denominator is
     * √6 · √(W(5 − W)/4) = √6 · √1.5 = 3. Numerators Σx − 2W: −4, −6, −1, 4, 6.
     */
    @Test
    void fivePointsOnALine() {
        double[] x = { 0, 100, 200, 300, 400 };
        double[] y = new double[5];
        assertThat(GetisOrdGiStar.defaultBandMeters(x, y)).isEqualTo(100);
        int[][] nb = GetisOrdGiStar.neighbours(x, y, 100);
        assertThat(nb[0]).containsExactly(0, 1);
        assertThat(nb[2]).containsExactly(1, 2, 3);
        GetisOrdGiStar.Result r = GetisOrdGiStar.compute(new double[] { 0, 0, 0, 5, 5 }, nb, 100);
        assertThat(r.neighbours()).containsExactly(2, 3, 3, 3, 2);
        assertThat(r.z()[0]).isCloseTo(-4 / 3.0, within(1e-12));
        assertThat(r.z()[1]).isCloseTo(-2, within(1e-12));
        assertThat(r.z()[2]).isCloseTo(-1 / 3.0, within(1e-12));
        assertThat(r.z()[3]).isCloseTo(4 / 3.0, within(1e-12));
        assertThat(r.z()[4]).isCloseTo(2, within(1e-12));
        // p(|z| ≥ 2) = 0.0455 (95 %); p(|z| ≥ 4/3) = 0.1824 (not significant)
        assertThat(r.p()[4]).isCloseTo(0.04550, within(1e-5));
        assertThat(r.p()[3]).isCloseTo(0.18242, within(1e-5));
        assertThat(r.bin()).containsExactly(0, -2, 0, 0, 2);
        // FDR over five p-values (0.1824, 0.0455, 0.7389, 0.1824, 0.0455): sorted, k·0.05/5 for k = 2 is 0.02 <
        // 0.0455, and for 0.10: k = 2 gives 0.04 < 0.0455, k = 4 gives 0.08 < 0.1824 — nothing survives
        assertThat(r.fdrBin()).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void equalCountsHaveNothingToTest() {
        double[] x = { 0, 100, 200 };
        GetisOrdGiStar.Result r = GetisOrdGiStar.compute(new double[] { 3, 3, 3 },
                GetisOrdGiStar.neighbours(x, new double[3], 100), 100);
        assertThat(r.z()).containsExactly(0, 0, 0);
        assertThat(r.p()).containsExactly(1, 1, 1);
    }

    @Test
    void twoSidedPOfKnownZ() {
        assertThat(GetisOrdGiStar.twoSidedP(1.959964)).isCloseTo(0.05, within(1e-6));
        assertThat(GetisOrdGiStar.twoSidedP(-2.575829)).isCloseTo(0.01, within(1e-6));
        assertThat(GetisOrdGiStar.twoSidedP(1.644854)).isCloseTo(0.10, within(1e-6));
        assertThat(GetisOrdGiStar.twoSidedP(0)).isEqualTo(1);
        assertThat(GetisOrdGiStar.bin(2.6, GetisOrdGiStar.twoSidedP(2.6))).isEqualTo(3);
        assertThat(GetisOrdGiStar.bin(-1.7, GetisOrdGiStar.twoSidedP(-1.7))).isEqualTo(-1);
    }

    /** The classic Benjamini–Hochberg list; thresholds k·α/10 worked out per level in the comments. */
    @Test
    void falseDiscoveryRateBinsOfAKnownList() {
        double[] p = { 0.001, 0.008, 0.039, 0.041, 0.042, 0.059, 0.074, 0.205, 0.212, 0.216 };
        double[] z = { 3, -3, 2, 2, 2, 2, -2, 1, 1, 1 };
        // α = 0.01: k = 1 (0.001 ≤ 0.001), k = 2 fails (0.008 > 0.002) and no later k passes → rank 1
        // α = 0.05: 0.001 ≤ 0.005, 0.008 ≤ 0.010, 0.039 > 0.015 … 0.216 > 0.05 → ranks 1–2
        // α = 0.10: 0.039 > 0.03, 0.041 > 0.04, but 0.042 ≤ 0.05 and 0.059 ≤ 0.06; 0.074 > 0.07 … → ranks 1–6
        assertThat(FalseDiscoveryRate.bins(z, p)).containsExactly(3, -2, 1, 1, 1, 1, 0, 0, 0, 0);
        // uncorrected for comparison: 3, −3, 2, 2, 2, 1, −1, 0, 0, 0
        int[] plain = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            plain[i] = GetisOrdGiStar.bin(z[i], p[i]);
        }
        assertThat(plain).containsExactly(3, -3, 2, 2, 2, 1, -1, 0, 0, 0);
    }

    @Test
    void hexagonCentresAreRootThreeSidesApartAndTheDefaultBandGivesSixNeighbours() {
        double side = 250;
        List<HexagonTessellation.Hexagon> hexagons = HexagonTessellation.covering(
                new Envelope(570_000, 575_000, 3_140_000, 3_144_000), side);
        double[] x = hexagons.stream().mapToDouble(HexagonTessellation.Hexagon::centreX).toArray();
        double[] y = hexagons.stream().mapToDouble(HexagonTessellation.Hexagon::centreY).toArray();
        double band = GetisOrdGiStar.defaultBandMeters(x, y);
        assertThat(band).isCloseTo(Math.sqrt(3) * side, within(1e-6));
        int[][] nb = GetisOrdGiStar.neighbours(x, y, band);
        // an interior hexagon: itself and its six neighbours, whatever the rounding of √3 · 250 on either side
        int interior = 0;
        for (int i = 0; i < x.length; i++) {
            if (nb[i].length == 7) {
                interior++;
            }
            assertThat(nb[i].length).isBetween(3, 7);
        }
        assertThat(interior).isGreaterThan(hexagons.size() / 2);
        // the second ring starts at 3 · side (750 m): a band just short of it still gives at most seven
        int[][] wider = GetisOrdGiStar.neighbours(x, y, 2.99 * side);
        for (int[] w : wider) {
            assertThat(w.length).isLessThanOrEqualTo(7);
        }
        assertThat(hexagons.get(0).polygon().getArea()).isCloseTo(HexagonTessellation.areaSquareMeters(side),
                within(1e-6));
    }
}
