package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files never reach the model: the decoder's complaints are errors, and an audit skips such files with the reason. */
class DecodableFolderTest {

    @TempDir
    Path dir;

    @Test
    void aJpegCutInsideItsScanDataIsRefusedAsTruncatedOrCorruptNamingTheFile() throws Exception {
        Path cut = Files.write(dir.resolve("partial.jpg"), DamagedImages.cutInsideScanData(DamagedImages.noisyJpeg(96, 64)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    @Test
    void theWholeJpegDecodes() throws Exception {
        Path whole = Files.write(dir.resolve("whole.jpg"), DamagedImages.noisyJpeg(96, 64));
        assertEquals(96, ImageFiles.read(whole).width());
    }

    @Test
    void everyCutInsideTheScanDataIsRefused() throws Exception {
        byte[] jpeg = DamagedImages.noisyJpeg(64, 48);
        int sos = DamagedImages.startOfScan(jpeg);
        int cases = 0;
        for (int end = sos + 16; end < jpeg.length - 2; end += (jpeg.length - sos) / 11) {
            Path cut = Files.write(dir.resolve("cut-" + end + ".jpg"), java.util.Arrays.copyOf(jpeg, end));
            assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(cut), "cut at byte " + end);
            cases++;
        }
        assertEquals(11, cases);
    }

    @Test
    void decodableMovesTheDamagedFileToSkippedWithItsReasonAndKeepsTheRestInOrder() throws Exception {
        Path a = Files.write(dir.resolve("a.jpg"), DamagedImages.noisyJpeg(32, 32));
        Path b = Files.write(dir.resolve("b.jpg"), DamagedImages.cutInsideScanData(DamagedImages.noisyJpeg(64, 64)));
        Path c = Files.write(dir.resolve("c.jpg"), DamagedImages.noisyJpeg(32, 32));
        LabelledFolder folder = LabelledFolder.of(List.of(a, b, c), List.of("x", "y", "x"), List.of("x", "y"));

        LabelledFolder decodable = folder.decodable();

        assertEquals(List.of(a, c), decodable.images().stream().map(LabelledImage::path).toList());
        assertEquals(1, decodable.skipped().size());
        assertEquals(b, decodable.skipped().get(0).path());
        assertTrue(decodable.skipped().get(0).reason().contains("truncated or corrupt"), decodable.skipped().get(0).reason());
    }

    @Test
    void aFolderWithNoDecodableImageIsRefused() throws Exception {
        Path b = Files.write(dir.resolve("b.jpg"), DamagedImages.cutInsideScanData(DamagedImages.noisyJpeg(64, 64)));
        LabelledFolder folder = LabelledFolder.of(List.of(b), List.of("x"), List.of("x", "y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, folder::decodable);
        assertTrue(e.getMessage().contains("no image"), e.getMessage());
    }

    @Test
    void aWebpInAClassFolderIsListedAndSkippedWithTheReason() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos").resolve("x"));
        Files.createDirectories(dir.resolve("photos").resolve("y"));
        Files.write(folder.resolve("a.jpg"), DamagedImages.noisyJpeg(32, 32));
        Path webp = Files.write(folder.resolve("b.webp"), "RIFF\u0010\0\0\0WEBPVP8 \0\0\0\0"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("photos").resolve("y").resolve("c.jpg"), DamagedImages.noisyJpeg(32, 32));

        LabelledFolder decodable = LabelledFolder.read(dir.resolve("photos"), List.of("x", "y")).decodable();

        assertEquals(2, decodable.images().size());
        assertEquals(webp, decodable.skipped().get(0).path());
        assertTrue(decodable.skipped().get(0).reason().startsWith("WebP images are not supported"),
                decodable.skipped().get(0).reason());
    }
}
