package cn.pingangrid.geo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a geometry a client sent before anything is written: it must be readable, of an allowed type, not
 * empty, every ring closed, no more than {@code maxVertices} vertices, valid in the OGC sense (no
 * self-intersection; the fault and its coordinate are named, from JTS {@link IsValidOp}) and, where an area is
 * given, covered by it. A failed check throws a {@link GeometryFault} (a 400 problem naming the field and the
 * fault); a passed one returns the geometry with SRID 4326. Does not repair anything.
 */
public final class GeometryValidation {

    /** What is wrong with a geometry; the code goes out in the problem as {@code fault}. */
    public enum Fault {
        UNREADABLE("无法解析的几何"),
        WRONG_TYPE("几何类型不对"),
        EMPTY("几何为空"),
        UNCLOSED_RING("多边形的环没有闭合（首尾坐标须相同）"),
        TOO_FEW_POINTS("点数太少"),
        TOO_MANY_VERTICES("顶点过多"),
        INVALID_COORDINATE("坐标无效"),
        NOT_2D("只接受二维坐标（经度、纬度），不接受高程（Z）或量测值（M）"),
        SELF_INTERSECTION("自相交"),
        INVALID("几何无效"),
        OUTSIDE_AREA("超出范围");

        private final String label;

        Fault(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A geometry failed a check: a 400 problem with {@code fault} and, where known, {@code where: [lng, lat]}. */
    public static final class GeometryFault extends cn.pingangrid.system.InvalidInputException {
        private final Fault fault;
        private final Coordinate where;

        GeometryFault(String field, Fault fault, String reason, Coordinate where) {
            super(field, reason);
            this.fault = fault;
            this.where = where;
            getBody().setProperty("fault", fault.name());
            if (where != null) {
                getBody().setProperty("where", List.of(where.x, where.y));
            }
        }

        public Fault fault() {
            return fault;
        }

        /** The place of the fault (e.g. a self-intersection), or null. */
        public Coordinate where() {
            return where;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> types;
    private final int maxVertices;
    private final PreparedGeometry area;
    private final String areaName;

    /**
     * @param types allowed JTS geometry types ({@code "Point"}, {@code "Polygon"}, ...)
     * @param maxVertices the largest vertex count accepted
     * @param area if not null, the geometry must lie inside it (boundary included)
     * @param areaName what the area is called in the error ("本镇")
     */
    public GeometryValidation(Set<String> types, int maxVertices, Geometry area, String areaName) {
        this.types = Set.copyOf(types);
        this.maxVertices = maxVertices;
        this.area = area == null ? null : PreparedGeometryFactory.prepare(area);
        this.areaName = areaName;
    }

    /** Reads a GeoJSON geometry object and checks it; {@code geoJson} null or JSON null is EMPTY. */
    public Geometry readGeoJson(String field, JsonNode geoJson) {
        if (geoJson == null || geoJson.isNull() || geoJson.isMissingNode()) {
            throw fault(field, Fault.EMPTY, Fault.EMPTY.label(), null);
        }
        if (!geoJson.isObject() || !geoJson.path("type").isString()) {
            throw fault(field, Fault.UNREADABLE, "须为 GeoJSON 几何对象（含 type 与 coordinates）", null);
        }
        String type = geoJson.get("type").asString();
        if (!types.contains(type)) {
            throw wrongType(field, type);
        }
        JsonNode coordinates = geoJson.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw fault(field, Fault.UNREADABLE, "缺少 coordinates 数组", null);
        }
        int vertices = countPositions(coordinates, 0);
        if (vertices > maxVertices) {
            throw tooMany(field, vertices);
        }
        checkPositions2d(field, coordinates, 0);
        if (type.equals("Polygon")) {
            checkRingsClosed(field, coordinates);
        } else if (type.equals("MultiPolygon")) {
            for (JsonNode polygon : coordinates) {
                checkRingsClosed(field, polygon);
            }
        }
        try {
            return check(field, new GeoJsonReader(Wgs84.FACTORY).read(geoJson.toString()));
        } catch (ParseException | RuntimeException e) {
            if (e instanceof GeometryFault f) {
                throw f;
            }
            throw unreadable(field, e);
        }
    }

    /** Reads WKT (e.g. from a test or an import) and checks it. */
    public Geometry readWkt(String field, String wkt) {
        if (wkt == null || wkt.isBlank()) {
            throw fault(field, Fault.EMPTY, Fault.EMPTY.label(), null);
        }
        Geometry geometry;
        try {
            geometry = new WKTReader(Wgs84.FACTORY).read(wkt);
        } catch (ParseException | RuntimeException e) {
            throw unreadable(field, e);
        }
        return check(field, geometry);
    }

    /** Checks an already built geometry; returns it with SRID 4326. */
    public Geometry check(String field, Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            throw fault(field, Fault.EMPTY, Fault.EMPTY.label(), null);
        }
        if (!types.contains(geometry.getGeometryType())) {
            throw wrongType(field, geometry.getGeometryType());
        }
        if (geometry.getNumPoints() > maxVertices) {
            throw tooMany(field, geometry.getNumPoints());
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isNaN(c.getZ()) || !Double.isNaN(c.getM())) {
                throw fault(field, Fault.NOT_2D, Fault.NOT_2D.label(), new Coordinate(c.x, c.y));
            }
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw fault(field, Fault.INVALID_COORDINATE, "坐标无效：经度须在 ±180、纬度须在 ±90 之间", c);
            }
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw invalid(field, error);
        }
        if (area != null && !area.covers(geometry)) {
            Coordinate outside = firstOutside(geometry);
            throw fault(field, Fault.OUTSIDE_AREA, "超出" + areaName + "范围" + at(outside), outside);
        }
        geometry.setSRID(Wgs84.SRID);
        return geometry;
    }

    private Coordinate firstOutside(Geometry geometry) {
        for (Coordinate c : geometry.getCoordinates()) {
            if (!area.covers(Wgs84.FACTORY.createPoint(c))) {
                return c;
            }
        }
        return null;
    }

    private GeometryFault invalid(String field, TopologyValidationError error) {
        Coordinate where = error.getCoordinate();
        Fault fault = switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                Fault.SELF_INTERSECTION;
            case TopologyValidationError.RING_NOT_CLOSED -> Fault.UNCLOSED_RING;
            case TopologyValidationError.TOO_FEW_POINTS -> Fault.TOO_FEW_POINTS;
            case TopologyValidationError.INVALID_COORDINATE -> Fault.INVALID_COORDINATE;
            default -> Fault.INVALID;
        };
        String detail = switch (error.getErrorType()) {
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "洞在外环之外";
            case TopologyValidationError.NESTED_HOLES -> "洞互相嵌套";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "内部不连通";
            case TopologyValidationError.NESTED_SHELLS -> "多个外环互相嵌套";
            case TopologyValidationError.DUPLICATE_RINGS -> "有重复的环";
            default -> fault.label();
        };
        return fault(field, fault, (fault == Fault.INVALID ? "几何无效：" : "") + detail + at(where), where);
    }

    private GeometryFault wrongType(String field, String type) {
        return fault(field, Fault.WRONG_TYPE, "几何类型不对：收到 " + type + "，可用 " + String.join("、",
                types.stream().sorted().toList()), null);
    }

    private GeometryFault tooMany(String field, int vertices) {
        return fault(field, Fault.TOO_MANY_VERTICES, "顶点过多：" + vertices + " 个，最多 " + maxVertices + " 个", null);
    }

    private static GeometryFault unreadable(String field, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("closed linestring")) {
            return fault(field, Fault.UNCLOSED_RING, Fault.UNCLOSED_RING.label(), null);
        }
        if (message.contains("Invalid number of points")) {
            return fault(field, Fault.TOO_FEW_POINTS, "点数太少：环至少需要 4 个坐标（首尾相同）", null);
        }
        return fault(field, Fault.UNREADABLE, "无法解析的几何", null);
    }

    private static void checkRingsClosed(String field, JsonNode rings) {
        if (!rings.isArray()) {
            return; // the reader reports the structure
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.isEmpty()) {
                continue;
            }
            JsonNode first = ring.get(0);
            JsonNode last = ring.get(ring.size() - 1);
            if (first.size() >= 2 && last.size() >= 2 && (first.get(0).asDouble() != last.get(0).asDouble()
                    || first.get(1).asDouble() != last.get(1).asDouble())) {
                Coordinate where = new Coordinate(last.get(0).asDouble(), last.get(1).asDouble());
                throw fault(field, Fault.UNCLOSED_RING, Fault.UNCLOSED_RING.label() + at(where), where);
            }
        }
    }

    /**
     * Every position must be exactly [longitude, latitude], two numbers: a third (Z) or fourth (M) value is refused,
     * never dropped or stored. Nesting deeper than a MultiPolygon's is unreadable.
     */
    private static void checkPositions2d(String field, JsonNode node, int depth) {
        if (depth > 4) {
            throw fault(field, Fault.UNREADABLE, "coordinates 嵌套过深", null);
        }
        if (!node.isArray() || node.isEmpty()) {
            return;
        }
        if (node.get(0).isNumber()) {
            for (JsonNode n : node) {
                if (!n.isNumber()) {
                    throw fault(field, Fault.UNREADABLE, "坐标须为数字", null);
                }
            }
            if (node.size() > 2) {
                throw fault(field, Fault.NOT_2D, Fault.NOT_2D.label(),
                        new Coordinate(node.get(0).asDouble(), node.get(1).asDouble()));
            }
            if (node.size() < 2) {
                throw fault(field, Fault.UNREADABLE, "每个坐标须为 [经度, 纬度] 两个数", null);
            }
            return;
        }
        for (JsonNode child : node) {
            if (!child.isArray()) {
                throw fault(field, Fault.UNREADABLE, "coordinates 的结构不对", null);
            }
            checkPositions2d(field, child, depth + 1);
        }
    }

    /** Positions in a GeoJSON coordinates array, counted without building anything; stops past the limit. */
    private int countPositions(JsonNode node, int counted) {
        if (!node.isArray() || node.isEmpty()) {
            return counted;
        }
        if (node.get(0).isNumber()) {
            return counted + 1;
        }
        int total = counted;
        for (JsonNode child : node) {
            total = countPositions(child, total);
            if (total > maxVertices) {
                return total;
            }
        }
        return total;
    }

    private static String at(Coordinate c) {
        return c == null ? "" : String.format(Locale.ROOT, "，位置：经度 %.7f，纬度 %.7f", c.x, c.y);
    }

    private static GeometryFault fault(String field, Fault fault, String reason, Coordinate where) {
        return new GeometryFault(field, fault, reason, where);
    }

    /** Parses a GeoJSON geometry given as text (for tests and imports). */
    public Geometry readGeoJson(String field, String geoJson) {
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (RuntimeException e) {
            throw fault(field, Fault.UNREADABLE, "不是有效的 JSON", null);
        }
        return readGeoJson(field, node);
    }
}
