package dev.limelight.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads photos (PNG, JPEG, BMP, GIF: whatever the JDK's ImageIO decodes) into
 * {@link RasterImage}s, with errors that say what is wrong with the file.
 *
 * <p>A damaged file is an error, never a picture: ImageIO decodes a JPEG cut off inside its scan
 * data as a partly grey image and only reports "premature end of JPEG file" to a warning listener.
 * Every decoder warning is therefore turned into an {@link IllegalArgumentException} whose message
 * says "truncated or corrupt" and names the file.
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
     *                                  decode, truncated or corrupt (the decoder warned or failed),
     *                                  or larger than {@link #MAX_PIXELS}
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
                    DecoderWarnings warnings = new DecoderWarnings();
                    reader.addIIOReadWarningListener(warnings);
                    BufferedImage image = reader.read(0);
                    if (!warnings.messages.isEmpty()) {
                        throw new IllegalArgumentException("image is truncated or corrupt (the " + reader.getFormatName()
                                + " decoder reported: " + String.join("; ", warnings.messages) + "): " + file);
                    }
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
            throw new IllegalArgumentException("cannot decode image, truncated or corrupt: " + file + " (" + e + ")", e);
        }
    }

    /** Collects what a decoder reports while it reads: each message means the file is damaged. */
    private static final class DecoderWarnings implements IIOReadWarningListener {

        private final List<String> messages = new ArrayList<>();

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            messages.add(warning);
        }
    }
}
