package cn.pingangrid.area;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Tags many points with the grid they lie in, in memory: a lookup table of cells (about 100 m) that lie wholly
 * inside one grid answers most points at once; the rest go through an STR-tree of the grids' envelopes and an
 * indexed point-in-polygon test (JTS {@link IndexedPointInAreaLocator}) on the few candidates. For bulk work — an imported
 * register, a county's history — where one database round trip per point would dominate. A point on a boundary
 * shared by two grids goes to the lower code, as {@link Areas#gridAt} answers; a point in no grid gets null.
 *
 * <p>Immutable once built and safe to share between threads; {@link #tagAll} uses every core.
 */
public final class GridTagger {

    private record Candidate(String code, Envelope envelope, IndexedPointInAreaLocator locator) {
    }

    /** Cells per side of the lookup table over the grids' extent. */
    private static final int CELLS = 256;

    private final STRtree tree = new STRtree();
    private final Envelope extent = new Envelope();
    /** The grid holding the whole cell, or null where the cell meets a boundary or lies outside every grid. */
    private final String[] inside = new String[CELLS * CELLS];
    private final double cellWidth;
    private final double cellHeight;

    public GridTagger(Collection<GridRef> grids) {
        List<GridRef> ordered = new ArrayList<>(grids);
        ordered.sort(Comparator.comparing(GridRef::code));
        for (GridRef g : ordered) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(g.boundary());
            locator.locate(g.boundary().getCoordinate()); // builds its index now, not racing on first use
            tree.insert(g.boundary().getEnvelopeInternal(), new Candidate(g.code(), g.boundary()
                    .getEnvelopeInternal(), locator));
        }
        tree.build();
        ordered.forEach(g -> extent.expandToInclude(g.boundary().getEnvelopeInternal()));
        cellWidth = extent.getWidth() / CELLS;
        cellHeight = extent.getHeight() / CELLS;
        var prepared = new java.util.HashMap<String, org.locationtech.jts.geom.prep.PreparedGeometry>();
        ordered.forEach(g -> prepared.put(g.code(), org.locationtech.jts.geom.prep.PreparedGeometryFactory
                .prepare(g.boundary())));
        var factory = new org.locationtech.jts.geom.GeometryFactory();
        for (int j = 0; j < CELLS; j++) {
            for (int i = 0; i < CELLS; i++) {
                double x0 = extent.getMinX() + i * cellWidth;
                double y0 = extent.getMinY() + j * cellHeight;
                String code = search(x0, y0);
                // a cell whose corners share one grid and which that grid contains properly: no boundary inside it
                if (code != null && code.equals(search(x0 + cellWidth, y0)) && code.equals(search(x0, y0 + cellHeight))
                        && code.equals(search(x0 + cellWidth, y0 + cellHeight)) && prepared.get(code)
                                .containsProperly(factory.toGeometry(new Envelope(x0, x0 + cellWidth, y0,
                                        y0 + cellHeight)))) {
                    inside[j * CELLS + i] = code;
                }
            }
        }
    }

    /** The code of the grid holding the point (longitude, latitude), or null. */
    public String tag(double lng, double lat) {
        int i = (int) ((lng - extent.getMinX()) / cellWidth);
        int j = (int) ((lat - extent.getMinY()) / cellHeight);
        if (i >= 0 && j >= 0 && i < CELLS && j < CELLS && lng >= extent.getMinX() && lat >= extent.getMinY()) {
            String code = inside[j * CELLS + i];
            if (code != null) {
                return code;
            }
        }
        return search(lng, lat);
    }

    private String search(double lng, double lat) {
        Coordinate c = new Coordinate(lng, lat);
        String[] best = { null };
        tree.query(new Envelope(c), item -> {
            Candidate candidate = (Candidate) item;
            if ((best[0] == null || candidate.code().compareTo(best[0]) < 0) && candidate.envelope().covers(c)
                    && candidate.locator().locate(c) != Location.EXTERIOR) {
                best[0] = candidate.code();
            }
        });
        return best[0];
    }

    /** {@link #tag} for every point, in parallel; {@code lng[i]}, {@code lat[i]} give answer {@code [i]}. */
    public String[] tagAll(double[] lng, double[] lat) {
        if (lng.length != lat.length) {
            throw new IllegalArgumentException("as many longitudes as latitudes");
        }
        String[] codes = new String[lng.length];
        IntStream.range(0, lng.length).parallel().forEach(i -> codes[i] = tag(lng[i], lat[i]));
        return codes;
    }
}
