package dev.limelight.models.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.testing.SharedData;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    @TempDir
    Path dir;

    /** Writes an IDX file: magic, dimensions, bytes; gzipped if asked. */
    static Path writeIdx(Path file, int magic, int[] dims, byte[] data, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream maybeGzip = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(maybeGzip)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return file;
    }

    @Test
    void readsGzippedImagesRowMajor() throws IOException {
        byte[] pixels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
        Path file = writeIdx(dir.resolve("images.gz"), IdxFiles.IMAGES_MAGIC, new int[] {2, 2, 3}, pixels, true);

        IdxFiles.Images images = IdxFiles.readImages(file);

        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.cols());
        assertEquals(5, images.pixel(0, 1, 2));
        assertEquals(255, images.pixel(1, 1, 2));
    }

    @Test
    void readsPlainLabels() throws IOException {
        Path file = writeIdx(dir.resolve("labels"), IdxFiles.LABELS_MAGIC, new int[] {3}, new byte[] {9, 0, 4}, false);
        assertArrayEquals(new byte[] {9, 0, 4}, IdxFiles.readLabels(file));
    }

    @Test
    void rejectsTheWrongMagicNumber() throws IOException {
        Path file = writeIdx(dir.resolve("labels.gz"), IdxFiles.LABELS_MAGIC, new int[] {1}, new byte[] {1}, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxFiles.readImages(file));
        assertTrue(e.getMessage().contains("0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void aFileThatEndsEarlyIsAnError() throws IOException {
        Path file = writeIdx(dir.resolve("short.gz"), IdxFiles.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[5], true);
        assertThrows(IOException.class, () -> IdxFiles.readImages(file));
    }

    @Test
    void readsTheSharedFashionMnistCopy() throws IOException {
        Path dir = SharedData.require("fashion-mnist/images-idx.gz").getParent();

        FashionMnist data = FashionMnist.read(dir);

        assertEquals(70_000, data.count());
        int[] perClass = new int[10];
        for (int i = 0; i < data.count(); i++) {
            perClass[data.label(i)]++;
        }
        assertArrayEquals(new int[] {7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000}, perClass);
    }
}
