package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannKendallTests {

    @Test
    void risingSeries() {
        // S = 10 (all ten pairs rise), Var = 5·4·15/18 = 16.667, Z = (10 − 1)/4.0825 = 2.2045, p = 0.0275
        MannKendall.Trend t = MannKendall.test(new double[] { 1, 2, 3, 4, 5 });
        assertThat(t.s()).isEqualTo(10);
        assertThat(t.variance()).isCloseTo(300 / 18.0, within(1e-12));
        assertThat(t.z()).isCloseTo(9 / Math.sqrt(300 / 18.0), within(1e-12));
        assertThat(t.p()).isCloseTo(0.02749, within(1e-4));
    }

    @Test
    void fallingSeriesWithMixedPairs() {
        // pairs of 5,3,4,1,2: two rise (3→4, 1→2), eight fall: S = −6, Z = (−6 + 1)/4.0825 = −1.2247
        MannKendall.Trend t = MannKendall.test(new double[] { 5, 3, 4, 1, 2 });
        assertThat(t.s()).isEqualTo(-6);
        assertThat(t.z()).isCloseTo(-5 / Math.sqrt(300 / 18.0), within(1e-12));
        assertThat(t.significant(0.05)).isFalse();
    }

    @Test
    void tiesReduceTheVariance() {
        // 1,1,2: S = 0 + 1 + 1 = 2; Var = (3·2·11 − 2·1·9)/18 = 48/18; Z = 1/√2.667 = 0.6124
        MannKendall.Trend t = MannKendall.test(new double[] { 1, 1, 2 });
        assertThat(t.s()).isEqualTo(2);
        assertThat(t.variance()).isCloseTo(48 / 18.0, within(1e-12));
        assertThat(t.z()).isCloseTo(1 / Math.sqrt(48 / 18.0), within(1e-12));
    }

    @Test
    void aConstantSeriesHasNoTrend() {
        MannKendall.Trend t = MannKendall.test(new double[] { 4, 4, 4, 4 });
        assertThat(t.s()).isZero();
        assertThat(t.z()).isZero();
        assertThat(t.p()).isEqualTo(1);
    }
}
