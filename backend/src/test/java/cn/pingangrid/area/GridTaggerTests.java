package cn.pingangrid.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import cn.pingangrid.testsupport.TownDataset;

/** The bulk tagger against the plain JTS test, grid by grid, on the committed dataset. */
class GridTaggerTests {

    static final List<GridRef> GRIDS = TownDataset.read("grids").stream().map(i -> new GridRef(i.code(),
            i.properties().get("name").asString(), i.code().substring(0, 12), (Polygon) i.geometry())).toList();
    static final GeometryFactory GEOMETRY = new GeometryFactory();

    final GridTagger tagger = new GridTagger(GRIDS);

    /** The lowest code among the grids that cover the point, found by testing every grid. */
    static String expected(double lng, double lat) {
        var p = GEOMETRY.createPoint(new Coordinate(lng, lat));
        return GRIDS.stream().filter(g -> g.boundary().covers(p)).map(GridRef::code).min(Comparator.naturalOrder())
                .orElse(null);
    }

    @Test
    void everyRandomPointGetsTheGridThatCoversIt() {
        Envelope town = new Envelope();
        GRIDS.forEach(g -> town.expandToInclude(g.boundary().getEnvelopeInternal()));
        town.expandBy(0.01); // some points outside the town
        Random random = new Random(14);
        int n = 5_000;
        double[] lng = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            lng[i] = town.getMinX() + random.nextDouble() * town.getWidth();
            lat[i] = town.getMinY() + random.nextDouble() * town.getHeight();
        }
        String[] tagged = tagger.tagAll(lng, lat);
        int outside = 0;
        for (int i = 0; i < n; i++) {
            String want = expected(lng[i], lat[i]);
            assertThat(tagged[i]).as("point %f %f", lng[i], lat[i]).isEqualTo(want);
            outside += want == null ? 1 : 0;
        }
        assertThat(outside).as("the sample has points outside every grid").isPositive().isLessThan(n);
    }

    @Test
    void aVertexSharedByTwoGridsGoesToTheLowerCode() {
        GridRef first = GRIDS.get(0);
        Coordinate shared = null;
        for (Coordinate c : first.boundary().getCoordinates()) {
            var p = GEOMETRY.createPoint(c);
            if (GRIDS.stream().filter(g -> g.boundary().covers(p)).count() > 1) {
                shared = c;
                break;
            }
        }
        assertThat(shared).as("a vertex on another grid's boundary").isNotNull();
        assertThat(tagger.tag(shared.x, shared.y)).isEqualTo(expected(shared.x, shared.y));
    }
}
