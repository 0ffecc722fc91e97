package dev.limelight.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads photos (PNG, JPEG, BMP, GIF: whatever the JDK's ImageIO decodes) into
 * {@link RasterImage}s, with errors that say what is wrong with the file.
 */
public final class ImageFiles {

    /**
     * The largest image accepted: 100 megapixels. A 20000 x 20000 photo (400 MP) would need 4.8 GB
     * as float RGB; the explainer resizes to the model's input anyway, so larger files are refused
     * before they are decoded.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    private ImageFiles() {
    }

    /**
     * @return the decoded image
     * @throws IllegalArgumentException if the file is missing, empty, not an image ImageIO can
     *                                  decode, truncated, or larger than {@link #MAX_PIXELS}
     */
    public static RasterImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("image file not found: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new IllegalArgumentException("image file is empty (0 bytes): " + file);
            }
            try (InputStream in = Files.newInputStream(file); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
                var readers = ImageIO.getImageReaders(stream);
                if (!readers.hasNext()) {
                    throw new IllegalArgumentException("not an image format this build can read (PNG, JPEG, BMP, GIF): "
                            + file);
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(stream, true, true);
                    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                    if (pixels > MAX_PIXELS) {
                        throw new IllegalArgumentException(String.format(
                                "image is %d x %d (%.0f megapixels), more than the %d megapixels accepted; "
                                        + "downscale it first: %s", reader.getWidth(0), reader.getHeight(0), pixels / 1e6,
                                MAX_PIXELS / 1_000_000, file));
                    }
                    BufferedImage image = reader.read(0);
                    return RasterImage.fromBufferedImage(image);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad && bad.getMessage() != null
                    && bad.getMessage().endsWith(file.toString())) {
                throw bad;
            }
            throw new IllegalArgumentException("cannot decode image " + file + " (truncated or corrupt?): " + e, e);
        }
    }
}
