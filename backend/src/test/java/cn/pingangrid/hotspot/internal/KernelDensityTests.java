package cn.pingangrid.hotspot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class KernelDensityTests {

    @Test
    void quarticKernelAtTheCentreAndHalfwayOut() {
        // one point at the centre of cell (5,5) of 10 m cells, radius 40 m
        KernelDensity.Raster r = KernelDensity.estimate(new double[] { 55 }, new double[] { 55 }, 0, 0, 10, 11, 11,
                40);
        double peak = 3 / (Math.PI * 40 * 40); // 3/(π r²) per m²
        assertThat(r.value(5, 5)).isCloseTo(peak, within(1e-15));
        // 20 m away (d/r = 1/2): (1 − 1/4)² = 0.5625 of the peak
        assertThat(r.value(7, 5)).isCloseTo(0.5625 * peak, within(1e-15));
        assertThat(r.value(5, 3)).isCloseTo(0.5625 * peak, within(1e-15));
        // exactly at the radius and beyond: nothing
        assertThat(r.value(9, 5)).isZero();
        assertThat(r.value(10, 10)).isZero();
        assertThat(r.perSquareKilometre()[5 * 11 + 5]).isCloseTo(peak * 1e6, within(1e-9));
    }

    @Test
    void theSurfaceIntegratesToTheNumberOfPointsWhenTheRasterCoversEveryKernel() {
        Random random = new Random(15);
        int n = 500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1000 + random.nextDouble() * 3000;
            y[i] = 2000 + random.nextDouble() * 2000;
        }
        double radius = 400;
        // 50 m cells from (500, 1500) to (4500, 4500): every kernel lies wholly inside
        KernelDensity.Raster r = KernelDensity.estimate(x, y, 500, 1500, 50, 80, 60, radius);
        assertThat(r.integral()).isCloseTo(n, within(0.01 * n));
    }

    @Test
    void theRowPolynomialsGiveTheSameSurfaceAsTheDirectSum() {
        Random random = new Random(4546);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // some points off the raster, some on cell edges
            x[i] = 560_000 + random.nextDouble() * 12_000 - 1000;
            y[i] = 3_140_000 + Math.round(random.nextDouble() * 160) * 50.0;
        }
        for (double radius : new double[] { 49, 50, 333.3, 1200 }) {
            KernelDensity.Raster fast = KernelDensity.estimate(x, y, 560_000, 3_140_000, 50, 200, 160, radius);
            KernelDensity.Raster direct = KernelDensity.estimateDirect(x, y, 560_000, 3_140_000, 50, 200, 160, radius);
            double max = direct.max();
            for (int i = 0; i < direct.values().length; i++) {
                assertThat(fast.values()[i]).as("radius %s cell %d", radius, i)
                        .isCloseTo(direct.values()[i], within(1e-8 * max));
            }
        }
    }

    @Test
    void defaultRadiusTakesTheStandardDistanceWhenItIsSmaller() {
        // square of side 100 with its centre: SD = √((4·50² + 4·50²)/5) = √4000 = 63.2456;
        // Dm = median(0, 70.71 ×4) = 70.7107, √(1/ln2)·Dm = 84.93 > SD; 0.9 · 63.2456 · 5^−0.2 = 41.2552
        double r = KernelDensity.defaultRadiusMeters(new double[] { 0, 100, 0, 100, 50 },
                new double[] { 0, 0, 100, 100, 50 });
        assertThat(r).isCloseTo(41.2552, within(1e-4));
    }

    @Test
    void defaultRadiusTakesTheMedianDistanceWhenItIsSmaller() {
        // four points at 0 and one at 1000: mean 200; SD = √((4·200² + 800²)/5) = 400;
        // Dm = 200, √(1/ln2)·200 = 240.224 < 400; 0.9 · 240.224 · 5^−0.2 = 156.699
        double r = KernelDensity.defaultRadiusMeters(new double[] { 0, 0, 0, 0, 1000 }, new double[5]);
        assertThat(r).isCloseTo(156.6988, within(1e-4));
    }
}
