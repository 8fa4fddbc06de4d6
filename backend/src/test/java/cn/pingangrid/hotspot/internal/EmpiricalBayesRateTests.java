package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmpiricalBayesRateTests {

    /**
     * Disputes 1, 12, 4, 2 over 3, 200, 200, 197 buildings (and one grid without buildings): m = 19/600 = 0.031667,
     * b̄ = 150, s² = Σ b (r − m)² / 600 = 0.00091995, A = s² − m/b̄ = 0.00070884. The 3-building grid keeps
     * w = A/(A + m/3) = 0.0629 of its raw 33.3 per 100: 5.065; the 200-building grid with 12 keeps w = 0.8174:
     * 5.483 — it tops the list, as it should.
     */
    @Test
    void aTinyGridDoesNotTopTheList() {
        double[] r = EmpiricalBayesRate.smoothed(new int[] { 1, 12, 4, 2, 0 }, new int[] { 3, 200, 200, 197, 0 });
        assertThat(r[0] * 100).isCloseTo(5.06498, within(1e-4));
        assertThat(r[1] * 100).isCloseTo(5.48267, within(1e-4));
        assertThat(r[2] * 100).isCloseTo(2.21302, within(1e-4));
        assertThat(r[3] * 100).isCloseTo(1.41293, within(1e-4));
        assertThat(r[4]).isNaN();
        assertThat(r[1]).isGreaterThan(r[0]);
    }

    @Test
    void equalRatesStayTheOverallRate() {
        double[] r = EmpiricalBayesRate.smoothed(new int[] { 1, 2, 3 }, new int[] { 10, 20, 30 });
        assertThat(r).containsExactly(new double[] { 0.1, 0.1, 0.1 }, within(1e-12));
    }
}
