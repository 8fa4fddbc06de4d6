package cn.pingangrid.hotspot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A small static map for print (the monthly pack): polygons in longitude/latitude drawn in a plate carrée scaled by
 * cos(latitude), so shapes keep their proportions at the town's latitude. No tiles, no fonts: outlines and fills.
 */
final class MapImage {

    private final Envelope bounds;
    private final int width;
    private final int height;
    private final BufferedImage image;
    private final Graphics2D g;

    MapImage(Envelope lngLatBounds, int widthPixels, boolean whiteBackground) {
        this.bounds = new Envelope(lngLatBounds);
        this.bounds.expandBy(lngLatBounds.getWidth() * 0.02, lngLatBounds.getHeight() * 0.02);
        double aspect = bounds.getHeight() / (bounds.getWidth() * Math.cos(Math.toRadians(bounds.centre().y)));
        this.width = widthPixels;
        this.height = Math.max(1, (int) Math.round(widthPixels * aspect));
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (whiteBackground) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    Envelope bounds() {
        return bounds;
    }

    /** Draws another image covering {@code lngLat} (e.g. the density overlay). */
    MapImage drawImage(BufferedImage overlay, Envelope lngLat) {
        int x0 = (int) Math.round(x(lngLat.getMinX()));
        int y0 = (int) Math.round(y(lngLat.getMaxY()));
        int x1 = (int) Math.round(x(lngLat.getMaxX()));
        int y1 = (int) Math.round(y(lngLat.getMinY()));
        g.drawImage(overlay, x0, y0, x1 - x0, y1 - y0, null);
        return this;
    }

    MapImage fill(Geometry geometry, Color fill, Color outline, float strokePixels) {
        Path2D path = path(geometry);
        if (fill != null) {
            g.setColor(fill);
            g.fill(path);
        }
        if (outline != null) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(strokePixels));
            g.draw(path);
        }
        return this;
    }

    MapImage outlines(List<? extends Geometry> geometries, Color colour, float strokePixels) {
        geometries.forEach(geometry -> fill(geometry, null, colour, strokePixels));
        return this;
    }

    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path2D path(Geometry geometry) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                ring(path, polygon.getExteriorRing().getCoordinates());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    ring(path, polygon.getInteriorRingN(h).getCoordinates());
                }
            } else {
                ring(path, part.getCoordinates());
            }
        }
        return path;
    }

    private void ring(Path2D path, Coordinate[] coordinates) {
        for (int k = 0; k < coordinates.length; k++) {
            if (k == 0) {
                path.moveTo(x(coordinates[k].x), y(coordinates[k].y));
            } else {
                path.lineTo(x(coordinates[k].x), y(coordinates[k].y));
            }
        }
    }

    private double x(double lng) {
        return (lng - bounds.getMinX()) / bounds.getWidth() * width;
    }

    private double y(double lat) {
        return (bounds.getMaxY() - lat) / bounds.getHeight() * height;
    }
}
