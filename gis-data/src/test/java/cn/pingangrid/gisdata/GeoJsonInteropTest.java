package cn.pingangrid.gisdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The files are plain RFC 7946: JTS's own GeoJSON reader gets the same geometries, with the right-hand rule. */
class GeoJsonInteropTest {

    @Test
    void jtsGeoJsonReaderReadsTheSameGeometries() throws Exception {
        for (String layer : TownFeatures.LAYERS) {
            if (layer.equals("buildings")) {
                continue; // large; its geometries are the same kind as the grids'
            }
            Geometry read = new GeoJsonReader().read(CommittedDataset.text(layer + ".geojson"));
            List<CommittedDataset.Feature> ours = CommittedDataset.layer(layer);
            assertEquals(ours.size(), read.getNumGeometries(), layer);
            for (int i = 0; i < ours.size(); i++) {
                assertTrue(ours.get(i).geometry().equalsExact(read.getGeometryN(i)), layer + " #" + i);
            }
        }
    }

    @Test
    void polygonsFollowTheRightHandRule() {
        for (String layer : List.of("town", "villages", "grids", "buildings", "neighbours", "water")) {
            for (CommittedDataset.Feature f : CommittedDataset.layer(layer)) {
                if (f.geometry() instanceof Polygon p) {
                    assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinates()), layer + " shell is clockwise");
                    for (int i = 0; i < p.getNumInteriorRing(); i++) {
                        assertTrue(!Orientation.isCCW(p.getInteriorRingN(i).getCoordinates()), layer + " hole");
                    }
                }
            }
        }
    }
}
