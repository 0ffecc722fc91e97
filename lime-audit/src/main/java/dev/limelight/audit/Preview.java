package dev.limelight.audit;

import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;
import dev.limelight.image.render.PngEncoder;

/**
 * The small PNG of an image that an audit report shows in its grid: the longest side at most
 * {@link #SIDE}, 8-bit grey or RGB, encoded by {@link PngEncoder}: for 28 x 28 images ImageIO's PNG
 * writer took 0.26 ms an image (more than the bundled CNN's forward pass), see docs/benchmarks.md for
 * this one's figure.
 */
public final class Preview {

    /** The longest side of a preview, in pixels. */
    public static final int SIDE = 64;

    private Preview() {
    }

    /** @return the image, shrunk to {@link #SIDE} pixels on its longest side if larger, as PNG bytes */
    public static byte[] png(RasterImage image) {
        return png(image, SIDE);
    }

    /** @return the image, shrunk to {@code side} pixels on its longest side if larger, as PNG bytes */
    public static byte[] png(RasterImage image, int side) {
        int w = image.width();
        int h = image.height();
        double scale = Math.min(1.0, (double) side / Math.max(w, h));
        RasterImage small = scale < 1
                ? ImageResizer.resize(image, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)))
                : image;
        return PngEncoder.encode(small);
    }
}
