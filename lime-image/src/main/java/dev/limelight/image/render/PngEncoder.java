package dev.limelight.image.render;

import dev.limelight.core.report.AtomicFiles;
import dev.limelight.image.RasterImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG encoding for the images Limelight writes (reports, overlays, previews): 8-bit grey or RGB,
 * no row filter, {@link Deflater} at its fastest level, one deflater a thread. ImageIO's PNG writer
 * compresses harder and took most of the time of writing an explanation (docs/benchmarks.md); the
 * files here are somewhat larger and decode to the same pixels.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** One deflater a thread, reused: setting one up costs more than compressing a small image. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    private PngEncoder() {
    }

    /** @return the image (1 or 3 channels, values rounded and clipped to 0..255) as PNG bytes */
    public static byte[] encode(RasterImage image) {
        try {
            return encodeChecked(image.channels() == 1 || image.channels() == 3 ? image : image.toRgb());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG", e);
        }
    }

    /** @return the image as PNG bytes (grey images stay grey, others become RGB; alpha is dropped) */
    public static byte[] encode(BufferedImage image) {
        return encode(RasterImage.fromBufferedImage(image));
    }

    /** Writes the image as a PNG file. */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, encode(image));
    }

    private static byte[] encodeChecked(RasterImage image) throws IOException {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        float[] pixels = image.pixels();
        byte[] raw = new byte[h * (1 + w * c)];
        int at = 0;
        for (int y = 0; y < h; y++) {
            raw[at++] = 0; // filter: none
            for (int x = 0; x < w * c; x++) {
                raw[at++] = (byte) Math.max(0, Math.min(255, Math.round(pixels[y * w * c + x])));
            }
        }
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(compressed.size() + 64);
        png.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(w);
        fields.writeInt(h);
        fields.writeByte(8);                 // bits per sample
        fields.writeByte(c == 1 ? 0 : 2);    // grey or RGB
        fields.writeByte(0);                 // deflate
        fields.writeByte(0);                 // adaptive filtering (each row says its filter)
        fields.writeByte(0);                 // not interlaced
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
