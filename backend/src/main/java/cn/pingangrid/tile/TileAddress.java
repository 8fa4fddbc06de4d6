package cn.pingangrid.tile;

import org.locationtech.jts.geom.Envelope;

import cn.pingangrid.system.InvalidInputException;

/**
 * A tile of the Web Mercator (EPSG:3857) pyramid, XYZ numbering (y = 0 at the north). Parsed from the path with a
 * 400 problem naming the part that is not a whole number in range.
 */
public record TileAddress(int z, int x, int y) {

    /** Deepest zoom served: far below a building's size, deeper only costs requests. */
    public static final int MAX_ZOOM = 22;
    /** Tile coordinates span 0..EXTENT (MVT's customary 4096). */
    public static final int EXTENT = 4096;
    /** Geometry is kept this far (in tile units) outside the tile, so strokes at its edge join the neighbour's. */
    public static final int BUFFER = 64;

    private static final double HALF_WORLD_M = 20037508.342789244;

    public TileAddress {
        if (z < 0 || z > MAX_ZOOM) {
            throw new InvalidInputException("z", "缩放级别须为 0 到 " + MAX_ZOOM + " 的整数");
        }
        int n = 1 << z;
        if (x < 0 || x >= n) {
            throw new InvalidInputException("x", "第 " + z + " 级的列号须为 0 到 " + (n - 1) + " 的整数");
        }
        if (y < 0 || y >= n) {
            throw new InvalidInputException("y", "第 " + z + " 级的行号须为 0 到 " + (n - 1) + " 的整数");
        }
    }

    public static TileAddress parse(String z, String x, String y) {
        int zoom = number("z", z, MAX_ZOOM);
        int max = (1 << zoom) - 1;
        return new TileAddress(zoom, number("x", x, max), number("y", y, max));
    }

    private static int number(String field, String text, int max) {
        if (text == null || text.isEmpty() || text.length() > 8 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException(field, "须为 0 到 " + max + " 的整数");
        }
        return Integer.parseInt(text);
    }

    /** The tile in EPSG:3857 metres. */
    public Envelope mercator() {
        double size = 2 * HALF_WORLD_M / (1 << z);
        double minX = -HALF_WORLD_M + x * size;
        double maxY = HALF_WORLD_M - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** The tile and its buffer in longitude/latitude: what the database filters rows by. */
    public Envelope lngLatWithBuffer() {
        Envelope m = mercator();
        double pad = m.getWidth() * BUFFER / EXTENT;
        return new Envelope(lng(m.getMinX() - pad), lng(m.getMaxX() + pad), lat(m.getMinY() - pad),
                lat(m.getMaxY() + pad));
    }

    static double lng(double mercatorX) {
        return Math.max(-180, Math.min(180, mercatorX / HALF_WORLD_M * 180));
    }

    static double lat(double mercatorY) {
        double clamped = Math.max(-HALF_WORLD_M, Math.min(HALF_WORLD_M, mercatorY));
        return Math.toDegrees(Math.atan(Math.sinh(clamped / HALF_WORLD_M * Math.PI)));
    }

    /** EPSG:3857 x of a longitude. */
    public static double mercatorX(double lng) {
        return lng / 180 * HALF_WORLD_M;
    }

    /** EPSG:3857 y of a latitude (clamped to Web Mercator's ±85.05°). */
    public static double mercatorY(double lat) {
        double clamped = Math.max(-85.0511287798, Math.min(85.0511287798, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) / Math.PI * HALF_WORLD_M;
    }
}
