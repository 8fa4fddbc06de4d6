package cn.pingangrid.border;

import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.border.internal.Segments;

/**
 * The border module's API for other modules' plans (patrol checkpoints, a walked track's border kilometres): the
 * segments the caller sees as lines, and the public sensitive zones.
 */
@Service
@Transactional(readOnly = true)
public class BorderSegments {

    /** A border segment's line and zone. */
    public record BorderLine(long id, SegmentKind kind, String name, String neighbourName, boolean countyBorder,
            Set<String> villageCodes, MultiLineString line, Geometry zone) {
    }

    private final Segments segments;

    BorderSegments(Segments segments) {
        this.segments = segments;
    }

    /** The segments of {@code kind} (null: all) the caller sees, as {@link BorderLine}s. */
    public List<BorderLine> lines(SegmentKind kind) {
        return segments.lines(kind);
    }

    /**
     * The sensitive zones of every segment of {@code kind}, whoever asks (the zones are public knowledge): what a
     * walked track's border kilometres are measured in.
     */
    public List<Geometry> zones(SegmentKind kind) {
        return segments.zones(kind);
    }
}
