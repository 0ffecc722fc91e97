package dev.limelight.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads photos (PNG, JPEG, BMP, GIF) into {@link RasterImage}s, with errors that say what is wrong
 * with the file.
 *
 * <ul>
 *   <li>A damaged file is an error, never a picture: ImageIO decodes a JPEG cut off inside its scan
 *       data as a partly grey image and only reports "premature end of JPEG file" to a warning
 *       listener. Every decoder warning is therefore turned into an {@link IllegalArgumentException}
 *       whose message says "truncated or corrupt" and names the file.</li>
 *   <li>JPEGs go through TwelveMonkeys' ImageIO plugin, which also reads CMYK and YCCK files (the
 *       JDK's reader refuses them); their EXIF orientation is applied ({@link ExifOrientation}).</li>
 *   <li>Palette, grey, 16-bit and alpha PNGs become RGB or grey values in [0, 255]; an animated GIF
 *       gives its first frame.</li>
 *   <li>WebP, HEIC and AVIF files are refused with a message saying so (no decoder is bundled).</li>
 * </ul>
 * {@link #decode} says what was done beyond decoding (an orientation applied, a first frame taken).
 */
public final class ImageFiles {

    /**
     * The largest image accepted: 100 megapixels. A 20000 x 20000 photo (400 MP) would need 4.8 GB
     * as float RGB; the explainer resizes to the model's input anyway, so larger files are refused
     * before they are decoded.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    /**
     * A decoded image and what was done to it beyond decoding.
     *
     * @param image the pixels, upright
     * @param notes one sentence per change ("EXIF orientation 6 applied: rotated 90 degrees clockwise"),
     *              empty when the file was taken as it is
     */
    public record Decoded(RasterImage image, List<String> notes) {

        /** Copies the notes. */
        public Decoded {
            notes = List.copyOf(notes);
        }
    }

    private ImageFiles() {
    }

    /**
     * @return the decoded image
     * @throws IllegalArgumentException if the file is missing, empty, not an image this build can
     *                                  decode, truncated or corrupt (the decoder warned or failed),
     *                                  or larger than {@link #MAX_PIXELS}
     */
    public static RasterImage read(Path file) {
        return decode(file).image();
    }

    /**
     * @return the decoded image, upright, with what was done to it
     * @throws IllegalArgumentException as {@link #read}
     */
    public static Decoded decode(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("image file not found: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new IllegalArgumentException("image file is empty (0 bytes): " + file);
            }
            byte[] bytes = Files.readAllBytes(file);
            refuseUnsupportedFormats(bytes, file);
            List<String> notes = new ArrayList<>();
            RasterImage image;
            String format;
            try (ImageInputStream stream = new ByteArrayImageInputStream(bytes)) {
                var readers = ImageIO.getImageReaders(stream);
                if (!readers.hasNext()) {
                    throw new IllegalArgumentException("not an image format this build can read (PNG, JPEG, BMP, GIF): "
                            + file);
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(stream, false, true);
                    format = reader.getFormatName().toLowerCase(Locale.ROOT);
                    image = decodeFirst(reader, bytes, file);
                    if (format.equals("gif")) {
                        int frames = reader.getNumImages(true);
                        if (frames > 1) {
                            notes.add("an animated GIF of " + frames + " frames: the first frame is used");
                        }
                    }
                } finally {
                    reader.dispose();
                }
            }
            if (format.equals("jpeg") || format.equals("jpg")) {
                ExifOrientation orientation = exifOrientation(bytes);
                if (orientation != ExifOrientation.NORMAL) {
                    image = orientation.apply(image);
                    notes.add("EXIF orientation " + orientation.tag() + " applied: " + orientation.describe());
                }
            }
            return new Decoded(image, notes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad && bad.getMessage() != null
                    && bad.getMessage().endsWith(file.toString())) {
                throw bad;
            }
            throw new IllegalArgumentException("cannot decode image, truncated or corrupt: " + file + " (" + e + ")", e);
        }
    }

    private static RasterImage decodeFirst(ImageReader reader, byte[] bytes, Path file) throws IOException {
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format("image is %d x %d (%.0f megapixels), more than the %d "
                            + "megapixels accepted; downscale it first: %s", reader.getWidth(0), reader.getHeight(0),
                    pixels / 1e6, MAX_PIXELS / 1_000_000, file));
        }
        if (pixels == 0) {
            throw new IllegalArgumentException("image has no pixels (" + reader.getWidth(0) + " x " + reader.getHeight(0)
                    + "): " + file);
        }
        if (reader.getFormatName().equalsIgnoreCase("png")) {
            requireIntactPngChunks(bytes, file);
        }
        DecoderWarnings warnings = new DecoderWarnings();
        reader.addIIOReadWarningListener(warnings);
        BufferedImage image = reader.read(0);
        if (!warnings.messages.isEmpty()) {
            throw new IllegalArgumentException("image is truncated or corrupt (the " + reader.getFormatName()
                    + " decoder reported: " + String.join("; ", warnings.messages) + "): " + file);
        }
        return RasterImage.fromBufferedImage(image);
    }

    /** Formats no bundled decoder reads, told by their first bytes, refused with a message that says which. */
    private static void refuseUnsupportedFormats(byte[] bytes, Path file) {
        int n = Math.min(12, bytes.length);
        String text = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        String name = null;
        if (n >= 12 && text.startsWith("RIFF") && text.startsWith("WEBP", 8)) {
            name = "WebP";
        } else if (n >= 12 && text.startsWith("ftyp", 4)) {
            String brand = text.substring(8, 12);
            name = brand.startsWith("avi") ? "AVIF" : brand.startsWith("hei") || brand.startsWith("hev")
                    || brand.equals("mif1") || brand.equals("msf1") ? "HEIC" : null;
        }
        if (name != null) {
            throw new IllegalArgumentException(name + " images are not supported (no " + name + " decoder is bundled): "
                    + "convert it to PNG or JPEG: " + file);
        }
    }

    /**
     * A PNG's chunks (PNG specification, section 5.3) checked before decoding: each chunk's CRC over
     * its type and data, and an IEND chunk at the end. The JDK's PNG reader checks neither, so a
     * flipped bit in the compressed pixels can decode to a different picture without a word, and a
     * file cut between chunks decodes as if whole. Files that are not PNGs pass through.
     */
    private static void requireIntactPngChunks(byte[] bytes, Path file) {
        if (bytes.length < PNG_SIGNATURE.length || !java.util.Arrays.equals(bytes, 0, PNG_SIGNATURE.length,
                PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        int at = PNG_SIGNATURE.length;
        while (true) {
            if (at + 12 > bytes.length) {
                throw new IllegalArgumentException("image is truncated or corrupt (the PNG ends inside a chunk, before "
                        + "its IEND chunk): " + file);
            }
            long length = Integer.toUnsignedLong(b.getInt(at));
            if (length > bytes.length - at - 12L) {
                throw new IllegalArgumentException("image is truncated or corrupt (a PNG chunk of " + length
                        + " bytes runs past the end of the file): " + file);
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes, at + 4, (int) length + 4);
            String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
            if ((int) crc.getValue() != b.getInt(at + 8 + (int) length)) {
                throw new IllegalArgumentException("image is truncated or corrupt (the CRC of its PNG chunk '" + type
                        + "' does not match: the bytes were changed): " + file);
            }
            if (type.equals("IEND")) {
                return;
            }
            at += 12 + (int) length;
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The orientation in a JPEG's EXIF segment; {@link ExifOrientation#NORMAL} without one. */
    private static ExifOrientation exifOrientation(byte[] bytes) {
        try (ImageInputStream stream = new ByteArrayImageInputStream(bytes)) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return ExifOrientation.NORMAL;
            }
            InputStream data = exif.get(0).data();
            data.skipNBytes(1); // the identifier "Exif" is followed by two NULs, one of them left in the data
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                return entry != null && entry.getValue() instanceof Number value ? ExifOrientation.of(value.intValue())
                        : ExifOrientation.NORMAL;
            }
        } catch (IOException | RuntimeException e) {
            // damaged EXIF does not make the picture wrong: the pixels decoded without a warning
            return ExifOrientation.NORMAL;
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
