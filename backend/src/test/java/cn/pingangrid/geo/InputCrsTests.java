package cn.pingangrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

import cn.pingangrid.system.InvalidInputException;

class InputCrsTests {

    @Test
    void namesOfTheStoredSystemAllMeanWgs84() {
        for (String name : new String[] { null, "", "wgs84", "EPSG:4326", "epsg:4490", "CGCS2000" }) {
            assertThat(InputCrs.parse("crs", name)).isEqualTo(InputCrs.WGS84);
        }
        assertThat(InputCrs.parse("crs", "gcj-02")).isEqualTo(InputCrs.GCJ02);
    }

    @Test
    void unknownSystemIsRefusedNamingTheField() {
        assertThatThrownBy(() -> InputCrs.parse("crs", "BD09")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("crs"));
    }

    @Test
    void gcj02PointIsStoredInWgs84() {
        double[] gcj = Gcj02Transform.toGcj02(111.85, 28.45);
        var stored = InputCrs.GCJ02.toStoredPoint(gcj[0], gcj[1]);
        assertThat(stored.getX()).isCloseTo(111.85, offset(1e-7));
        assertThat(stored.getY()).isCloseTo(28.45, offset(1e-7));
        assertThat(stored.getSRID()).isEqualTo(4326);
    }
}
