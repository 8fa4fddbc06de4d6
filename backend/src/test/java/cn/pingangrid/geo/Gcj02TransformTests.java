package cn.pingangrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class Gcj02TransformTests {

    @Test
    void offsetNearDaligangIsHundredsOfMetres() {
        double[] gcj = Gcj02Transform.toGcj02(111.85, 28.45);
        double dx = (gcj[0] - 111.85) * 111_320 * Math.cos(Math.toRadians(28.45));
        double dy = (gcj[1] - 28.45) * 110_574;
        double metres = Math.hypot(dx, dy);
        assertThat(metres).isBetween(50.0, 700.0);
    }

    @Test
    void inverseUndoesForwardToAboutOneCentimetre() {
        for (double lng = 111.70; lng <= 112.0; lng += 0.05) {
            for (double lat = 28.35; lat <= 28.55; lat += 0.05) {
                double[] gcj = Gcj02Transform.toGcj02(lng, lat);
                double[] back = Gcj02Transform.toWgs84(gcj[0], gcj[1]);
                assertThat(back[0]).isCloseTo(lng, offset(1e-7));
                assertThat(back[1]).isCloseTo(lat, offset(1e-7));
            }
        }
    }

    @Test
    void outsideChinaNothingChanges() {
        assertThat(Gcj02Transform.toGcj02(2.35, 48.85)).containsExactly(2.35, 48.85);
    }
}
