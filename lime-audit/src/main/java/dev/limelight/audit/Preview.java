package dev.limelight.audit;

import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The small PNG of an image that an audit report shows in its grid: the longest side at most {@link #SIDE}. */
public final class Preview {

    /** The longest side of a preview, in pixels. */
    public static final int SIDE = 64;

    private Preview() {
    }

    /** @return the image, shrunk to {@link #SIDE} pixels on its longest side if larger, as PNG bytes */
    public static byte[] png(RasterImage image) {
        int w = image.width();
        int h = image.height();
        double scale = Math.min(1.0, (double) SIDE / Math.max(w, h));
        RasterImage small = scale < 1
                ? ImageResizer.resize(image, Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)))
                : image;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(small.toBufferedImage(), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a preview", e);
        }
        return bytes.toByteArray();
    }
}
