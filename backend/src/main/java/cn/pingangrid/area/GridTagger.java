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
 * Tags many points with the grid they lie in, in memory: an STR-tree of the grids' envelopes, then an indexed
 * point-in-polygon test (JTS {@link IndexedPointInAreaLocator}) on the few candidates. For bulk work — an imported
 * register, a county's history — where one database round trip per point would dominate. A point on a boundary
 * shared by two grids goes to the lower code, as {@link Areas#gridAt} answers; a point in no grid gets null.
 *
 * <p>Immutable once built and safe to share between threads; {@link #tagAll} uses every core.
 */
public final class GridTagger {

    private record Candidate(String code, Envelope envelope, IndexedPointInAreaLocator locator) {
    }

    private final STRtree tree = new STRtree();

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
    }

    /** The code of the grid holding the point (longitude, latitude), or null. */
    public String tag(double lng, double lat) {
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
