package dev.limelight.audit;

import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The small PNG of an image that an audit report shows in its grid: the longest side at most
 * {@link #SIDE}, 8-bit grey or RGB. Encoded here with {@link Deflater} at its fastest level and no
 * row filter, one deflater a thread: for 28 x 28 images ImageIO's PNG writer took 0.26 ms an image
 * (more than the bundled CNN's forward pass), see docs/benchmarks.md for this one's figure.
 */
public final class Preview {

    /** The longest side of a preview, in pixels. */
    public static final int SIDE = 64;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** One deflater a thread, reused: setting one up costs more than compressing a small image. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

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
        try {
            return encode(small);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a preview", e);
        }
    }

    private static byte[] encode(RasterImage image) throws IOException {
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
