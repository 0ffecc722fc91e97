package dev.limelight.models.fashion;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian magic number
 * (0x00000803 for unsigned-byte images [N, rows, columns], 0x00000801 for unsigned-byte labels [N]),
 * the dimensions as 32-bit big-endian integers, then the bytes. Gzipped files (first bytes 1f 8b)
 * are unpacked on the fly.
 */
public final class IdxFiles {

    /** Magic number of an unsigned-byte rank-3 IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte rank-1 IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxFiles() {
    }

    /**
     * Grayscale images of one size, row-major, one unsigned byte per pixel.
     *
     * @param count  N
     * @param rows   image height
     * @param cols   image width
     * @param pixels N x rows x cols bytes (read as unsigned: {@code pixels[i] & 0xff})
     */
    public record Images(int count, int rows, int cols, byte[] pixels) {

        /** @throws IllegalArgumentException if the pixel count does not match the dimensions */
        public Images {
            if (count < 0 || rows < 1 || cols < 1 || pixels == null || pixels.length != (long) count * rows * cols) {
                throw new IllegalArgumentException("IDX images: " + count + " x " + rows + " x " + cols
                        + " does not match " + (pixels == null ? 0 : pixels.length) + " pixels");
            }
        }

        /** @return the value in [0, 255] of pixel (row, col) of image i */
        public int pixel(int i, int row, int col) {
            return pixels[(i * rows + row) * cols + col] & 0xff;
        }
    }

    /**
     * @param file an IDX3 unsigned-byte file, gzipped or not
     * @return the images
     * @throws IOException              if the file cannot be read or ends early
     * @throws IllegalArgumentException if it is not an IDX3 unsigned-byte file
     */
    public static Images readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            requireMagic(in.readInt(), IMAGES_MAGIC, file);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows < 1 || cols < 1) {
                throw new IllegalArgumentException(file + ": bad IDX dimensions " + count + " x " + rows + " x " + cols);
            }
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(count, rows), cols)];
            in.readFully(pixels);
            return new Images(count, rows, cols, pixels);
        }
    }

    /**
     * @param file an IDX1 unsigned-byte file, gzipped or not
     * @return the labels, one byte each
     * @throws IOException              if the file cannot be read or ends early
     * @throws IllegalArgumentException if it is not an IDX1 unsigned-byte file
     */
    public static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            requireMagic(in.readInt(), LABELS_MAGIC, file);
            int count = in.readInt();
            if (count < 0) {
                throw new IllegalArgumentException(file + ": bad IDX label count " + count);
            }
            byte[] labels = new byte[count];
            in.readFully(labels);
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                : raw;
        return new DataInputStream(in);
    }

    private static void requireMagic(int magic, int expected, Path file) {
        if (magic != expected) {
            throw new IllegalArgumentException(String.format("%s: IDX magic number 0x%08x, expected 0x%08x", file,
                    magic, expected));
        }
    }
}
