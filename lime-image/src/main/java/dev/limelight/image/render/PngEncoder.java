package dev.limelight.image.render;

import dev.limelight.core.report.AtomicFiles;
import dev.limelight.image.RasterImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
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
        RasterImage greyOrRgb = image.channels() == 1 || image.channels() == 3 ? image : image.toRgb();
        int w = greyOrRgb.width();
        int h = greyOrRgb.height();
        int c = greyOrRgb.channels();
        float[] pixels = greyOrRgb.pixels();
        byte[] raw = new byte[h * (1 + w * c)];
        int at = 0;
        for (int y = 0; y < h; y++) {
            raw[at++] = 0; // filter: none
            for (int x = 0; x < w * c; x++) {
                raw[at++] = (byte) Math.max(0, Math.min(255, Math.round(pixels[y * w * c + x])));
            }
        }
        return compressed(w, h, c, raw);
    }

    /**
     * @return the image as PNG bytes (grey images stay grey, others become RGB; alpha is dropped).
     *         Images drawn into packed RGB ints (as Limelight's pictures are) are read straight
     *         from their pixel array.
     */
    public static byte[] encode(BufferedImage image) {
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel packed
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            return encodePacked(image.getWidth(), image.getHeight(), ints.getData(), ints.getOffset(),
                    packed.getScanlineStride());
        }
        return encode(RasterImage.fromBufferedImage(image));
    }

    private static byte[] encodePacked(int w, int h, int[] argb, int offset, int stride) {
        byte[] raw = new byte[h * (1 + w * 3)];
        int at = 0;
        for (int y = 0; y < h; y++) {
            raw[at++] = 0; // filter: none
            for (int x = 0, p = offset + y * stride; x < w; x++, p++) {
                raw[at++] = (byte) (argb[p] >> 16);
                raw[at++] = (byte) (argb[p] >> 8);
                raw[at++] = (byte) argb[p];
            }
        }
        return compressed(w, h, 3, raw);
    }

    /** Writes the image as a PNG file. */
    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, encode(image));
    }

    /** @param raw each row as a filter byte (0) followed by its samples */
    private static byte[] compressed(int w, int h, int c, byte[] raw) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        try {
            return png(w, h, c, compressed.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG", e);
        }
    }

    private static byte[] png(int w, int h, int c, byte[] idat) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
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
        chunk(png, "IDAT", idat);
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
