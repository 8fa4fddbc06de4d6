package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class TownTest {

    private static final Envelope BBOX = new Envelope(111.7, 112.0, 28.35, 28.55);

    @Test
    void townIsOneValidPolygonWithItsIdentity() {
        List<CommittedDataset.Feature> town = CommittedDataset.layer("town");
        assertEquals(1, town.size());
        CommittedDataset.Feature t = town.get(0);
        assertTrue(t.geometry() instanceof Polygon);
        assertTrue(t.geometry().isValid());
        assertEquals(0, ((Polygon) t.geometry()).getNumInteriorRing());
        assertEquals("430922117", t.string("code"));
        assertEquals("大栗港镇", t.string("name"));
        assertEquals("430922", t.string("countyCode"));
        assertEquals("桃江县", t.string("county"));
        int population = t.integer("population");
        assertTrue(population > 68_000 && population < 76_000, "population " + population);
    }

    @Test
    void townAreaInGaussKrugerIs171SquareKilometresWithinFivePercent() {
        Geometry metric = new GaussKrugerProjection().toMetric(CommittedDataset.layer("town").get(0).geometry());
        double km2 = metric.getArea() / 1e6;
        assertTrue(km2 > 171 * 0.95 && km2 < 171 * 1.05, "area " + km2 + " km²");
    }

    @Test
    void townIsCentredNearTheDocumentedCentre() {
        Point c = CommittedDataset.layer("town").get(0).geometry().getCentroid();
        assertEquals(111.85, c.getX(), 0.05);
        assertEquals(28.45, c.getY(), 0.04);
    }

    @Test
    void everyCoordinateOfEveryLayerIsInsideTheBoundingBox() {
        for (String layer : TownFeatures.LAYERS) {
            for (CommittedDataset.Feature f : CommittedDataset.layer(layer)) {
                for (Coordinate c : f.geometry().getCoordinates()) {
                    assertTrue(BBOX.contains(c), layer + " has " + c + " outside the bounding box");
                }
            }
        }
    }

    @Test
    void coordinatesHaveAtMostSevenDecimals() {
        for (String layer : List.of("town", "villages", "grids", "roads")) {
            for (CommittedDataset.Feature f : CommittedDataset.layer(layer)) {
                for (Coordinate c : f.geometry().getCoordinates()) {
                    assertEquals(c.x, Math.round(c.x * 1e7) / 1e7, 0.0, layer);
                    assertEquals(c.y, Math.round(c.y * 1e7) / 1e7, 0.0, layer);
                }
            }
        }
    }
}
