package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link ImageFiles} makes of the files users have: orientations, colour models, frames, formats it lacks. */
class ImageFilesTest {

    @TempDir
    Path dir;

    /** A 40 x 20 JPEG, its left half red and its right half blue. */
    private static byte[] redLeftBlueRight() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment holding only an orientation, inserted after its start-of-image marker. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8); // header, first IFD at 8
        tiff.putShort((short) 1);                                             // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);         // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);              // the value, padded to 4 bytes
        tiff.putInt(0);                                                       // no next IFD
        byte[] identifier = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + identifier.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(identifier)
                .put(tiff.array()).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    @Test
    void aPortraitPhotoStoredSidewaysIsTurnedUprightAndSaysSo() throws IOException {
        Path file = Files.write(dir.resolve("portrait.jpg"), withExifOrientation(redLeftBlueRight(), 6));

        ImageFiles.Decoded decoded = ImageFiles.decode(file);

        RasterImage upright = decoded.image();
        assertEquals(20, upright.width());
        assertEquals(40, upright.height());
        assertTrue(upright.get(10, 5, 0) > 200 && upright.get(10, 5, 2) < 60, "the left half (red) is now on top");
        assertTrue(upright.get(10, 35, 2) > 200 && upright.get(10, 35, 0) < 60, "the right half (blue) is below");
        assertEquals(List.of("EXIF orientation 6 applied: rotated 90 degrees clockwise"), decoded.notes());
    }

    @Test
    void anUprightJpegIsTakenAsItIs() throws IOException {
        Path file = Files.write(dir.resolve("upright.jpg"), withExifOrientation(redLeftBlueRight(), 1));
        ImageFiles.Decoded decoded = ImageFiles.decode(file);
        assertEquals(40, decoded.image().width());
        assertEquals(List.of(), decoded.notes());
    }

    @Test
    void everyOrientationMapsTheCornersAsTheStandardSays() {
        // 3 x 2, one channel: a b c / d e f
        RasterImage stored = new RasterImage(3, 2, 1, new float[] {1, 2, 3, 4, 5, 6});
        assertRows(ExifOrientation.NORMAL.apply(stored), 3, 1, 2, 3, 4, 5, 6);
        assertRows(ExifOrientation.MIRROR_HORIZONTAL.apply(stored), 3, 3, 2, 1, 6, 5, 4);
        assertRows(ExifOrientation.ROTATE_180.apply(stored), 3, 6, 5, 4, 3, 2, 1);
        assertRows(ExifOrientation.MIRROR_VERTICAL.apply(stored), 3, 4, 5, 6, 1, 2, 3);
        assertRows(ExifOrientation.TRANSPOSE.apply(stored), 2, 1, 4, 2, 5, 3, 6);
        assertRows(ExifOrientation.ROTATE_90.apply(stored), 2, 4, 1, 5, 2, 6, 3);
        assertRows(ExifOrientation.TRANSVERSE.apply(stored), 2, 6, 3, 5, 2, 4, 1);
        assertRows(ExifOrientation.ROTATE_270.apply(stored), 2, 3, 6, 2, 5, 1, 4);
    }

    private static void assertRows(RasterImage image, int width, float... values) {
        assertEquals(width, image.width());
        assertEquals(values.length / width, image.height());
        assertEquals(java.util.Arrays.toString(values), java.util.Arrays.toString(image.pixels()));
    }

    @Test
    void aCmykJpegDecodesToRgb() throws IOException {
        WritableRaster cmyk = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 16, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                cmyk.setPixel(x, y, x < 8 ? new int[] {0, 0, 0, 0} : new int[] {255, 255, 255, 255});
            }
        }
        Path file = dir.resolve("cmyk.jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(cmyk, null, null));
        } finally {
            writer.dispose();
        }

        RasterImage image = ImageFiles.read(file);

        assertEquals(16, image.width());
        assertEquals(3, image.channels());
        assertTrue(Math.abs(image.get(2, 4, 0) - image.get(13, 4, 0)) > 100,
                "the two halves decode to different colours: " + image.get(2, 4, 0) + ", " + image.get(13, 4, 0));
    }

    @Test
    void aPalettePngGivesItsColours() throws IOException {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 200, 10}, new byte[] {20, (byte) 150},
                new byte[] {30, 90});
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSample(3, 3, 0, 1);
        Path file = dir.resolve("palette.png");
        ImageIO.write(image, "png", file.toFile());

        RasterImage read = ImageFiles.read(file);

        assertEquals(List.of(200f, 20f, 30f), List.of(read.get(0, 0, 0), read.get(0, 0, 1), read.get(0, 0, 2)));
        assertEquals(List.of(10f, 150f, 90f), List.of(read.get(3, 3, 0), read.get(3, 3, 1), read.get(3, 3, 2)));
    }

    @Test
    void aSixteenBitGreyPngIsScaledToTheEightBitRange() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65535);
        image.getRaster().setSample(1, 0, 0, 32768);
        Path file = dir.resolve("grey16.png");
        ImageIO.write(image, "png", file.toFile());

        RasterImage read = ImageFiles.read(file);

        assertEquals(1, read.channels());
        assertEquals(255f, read.get(0, 0, 0), 1e-3);
        assertEquals(32768 * 255f / 65535, read.get(1, 0, 0), 1e-3);
    }

    @Test
    void anAnimatedGifGivesItsFirstFrameAndSaysSo() throws IOException {
        Path file = dir.resolve("animated.gif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color colour : new Color[] {Color.WHITE, Color.BLACK, Color.BLACK}) {
                BufferedImage frame = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(colour);
                g.fillRect(0, 0, 8, 8);
                g.dispose();
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }

        ImageFiles.Decoded decoded = ImageFiles.decode(file);

        assertEquals(255f, decoded.image().get(4, 4, 0), 1e-3, "the first (white) frame");
        assertEquals(List.of("an animated GIF of 3 frames: the first frame is used"), decoded.notes());
    }

    @Test
    void webpAndHeicAreRefusedByName() throws IOException {
        Path webp = Files.write(dir.resolve("photo.webp"), "RIFF\u0010\0\0\0WEBPVP8 \0\0\0\0".getBytes(
                StandardCharsets.ISO_8859_1));
        Path heic = Files.write(dir.resolve("photo.heic"), "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(
                StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(webp));
        assertTrue(e.getMessage().startsWith("WebP images are not supported") && e.getMessage().endsWith(webp.toString()),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(heic));
        assertTrue(e.getMessage().startsWith("HEIC images are not supported"), e.getMessage());
    }

    @Test
    void aJpegCutInsideItsScanDataIsTruncatedOrCorrupt() throws IOException {
        byte[] jpeg = redLeftBlueRight();
        Path file = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length - 40));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("truncated or corrupt") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void aPngWithAFlippedBitInItsPixelsIsCorruptNotADifferentPicture() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve("flipped.png");
        ImageIO.write(image, "png", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        int idat = indexOf(bytes, "IDAT");
        bytes[idat + 6] ^= 0x10;
        Files.write(file, bytes);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("CRC of its PNG chunk 'IDAT' does not match"), e.getMessage());
    }

    @Test
    void aPngCutBetweenItsChunksIsTruncated() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Path file = dir.resolve("cut.png");
        ImageIO.write(image, "png", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, indexOf(bytes, "IEND") - 4));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("before its IEND chunk"), e.getMessage());
    }

    private static int indexOf(byte[] bytes, String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + t.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type + " chunk");
    }
}
