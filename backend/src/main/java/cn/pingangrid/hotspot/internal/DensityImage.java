package cn.pingangrid.hotspot.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

import cn.pingangrid.geo.MetricProjection;
import cn.pingangrid.geo.Wgs84;

/**
 * The density raster as a transparent PNG in longitude/latitude, ready for a map overlay with plain lng/lat bounds:
 * the EPSG:4546 grid is turned by ~0.4° against the meridians here, so each output pixel is sampled from the raster
 * cell under it rather than the raster drawn as is (which would be off by ~100 m at the town's edge). Five classes
 * between the legend breaks, light yellow to dark red; below the first break stays transparent.
 */
final class DensityImage {

    /** Class colours (RGB) and opacities, light to dark. */
    static final int[] COLOURS = { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026 };
    static final int[] ALPHAS = { 90, 130, 160, 185, 210 };

    /** Fractions of the maximum at which the classes start; the last break is the maximum. */
    static final double[] BREAK_FRACTIONS = { 0.05, 0.2, 0.4, 0.6, 0.8, 1.0 };

    record Image(byte[] png, Envelope lngLatBounds) {
    }

    record Drawn(BufferedImage image, Envelope lngLatBounds) {
    }

    private DensityImage() {
    }

    /** Legend breaks in disputes per km², rounded to two significant decimals. */
    static double[] breaks(double maxPerSquareKilometre) {
        double[] breaks = new double[BREAK_FRACTIONS.length];
        for (int i = 0; i < breaks.length; i++) {
            breaks[i] = Math.round(maxPerSquareKilometre * BREAK_FRACTIONS[i] * 100) / 100.0;
        }
        return breaks;
    }

    static Image render(KernelDensity.Raster raster, double[] breaksPerSquareKilometre) {
        Drawn drawn = draw(raster, breaksPerSquareKilometre);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(drawn.image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(out.toByteArray(), drawn.lngLatBounds());
    }

    static Drawn draw(KernelDensity.Raster raster, double[] breaksPerSquareKilometre) {
        double cell = raster.cellMeters();
        Envelope metric = new Envelope(raster.originX(), raster.originX() + raster.width() * cell,
                raster.originY(), raster.originY() + raster.height() * cell);
        Geometry corners = MetricProjection.toLngLat(Wgs84.FACTORY.toGeometry(metric));
        Envelope bounds = corners.getEnvelopeInternal();
        int width = raster.width();
        int height = raster.height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        double dLng = bounds.getWidth() / width;
        double dLat = bounds.getHeight() / height;
        Coordinate[] row = new Coordinate[width];
        for (int j = 0; j < height; j++) {
            double lat = bounds.getMaxY() - (j + 0.5) * dLat;
            for (int i = 0; i < width; i++) {
                row[i] = new Coordinate(bounds.getMinX() + (i + 0.5) * dLng, lat);
            }
            LineString line = Wgs84.FACTORY.createLineString(row);
            Coordinate[] projected = MetricProjection.toMetric(line).getCoordinates();
            for (int i = 0; i < width; i++) {
                int col = (int) Math.floor((projected[i].x - raster.originX()) / cell);
                int r = (int) Math.floor((projected[i].y - raster.originY()) / cell);
                if (col < 0 || r < 0 || col >= width || r >= height) {
                    continue;
                }
                int argb = colour(raster.value(col, r) * 1e6, breaksPerSquareKilometre);
                if (argb != 0) {
                    image.setRGB(i, j, argb);
                }
            }
        }
        return new Drawn(image, bounds);
    }

    /** ARGB of a value per km²: transparent below the first break, else its class. */
    static int colour(double perSquareKilometre, double[] breaks) {
        if (!(perSquareKilometre >= breaks[0]) || breaks[0] <= 0) {
            return 0;
        }
        int k = 0;
        while (k < COLOURS.length - 1 && perSquareKilometre >= breaks[k + 1]) {
            k++;
        }
        return (ALPHAS[k] << 24) | COLOURS[k];
    }
}
