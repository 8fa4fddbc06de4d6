package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

class WaterTest {

    private final List<CommittedDataset.Feature> water = CommittedDataset.layer("water");
    private final Geometry town = CommittedDataset.layer("town").get(0).geometry();

    private CommittedDataset.Feature kind(String kind) {
        return water.stream().filter(w -> w.string("kind").equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    @Test
    void theZiRiverIsOnePolygonCrossingTheTownWestToEast() {
        CommittedDataset.Feature river = kind("river");
        assertEquals("资江", river.string("name"));
        assertTrue(river.geometry() instanceof Polygon && river.geometry().isValid());
        Envelope inTown = river.geometry().intersection(town).getEnvelopeInternal();
        Envelope townEnv = town.getEnvelopeInternal();
        assertEquals(townEnv.getMinX(), inTown.getMinX(), 0.01, "does not reach the west border");
        assertEquals(townEnv.getMaxX(), inTown.getMaxX(), 0.01, "does not reach the east border");
    }

    @Test
    void theRiverIs150To300MetresWide() {
        Geometry metric = new GaussKrugerProjection().toMetric(kind("river").geometry());
        // a long thin polygon: width ≈ 2 × area / perimeter
        double width = 2 * metric.getArea() / metric.getLength();
        assertTrue(width >= 150 && width <= 300, "width " + width);
    }

    @Test
    void theYixiIsAStreamInsideTheTownReachingTheRiver() {
        CommittedDataset.Feature stream = kind("stream");
        assertEquals("沂溪", stream.string("name"));
        assertTrue(stream.geometry() instanceof LineString && stream.geometry().isValid());
        assertTrue(town.covers(stream.geometry()));
        assertTrue(stream.geometry().intersects(kind("river").geometry()));
    }
}
