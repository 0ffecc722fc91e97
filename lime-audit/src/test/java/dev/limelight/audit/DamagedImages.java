package dev.limelight.audit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Damaged image files made in a test, as a partial download or a bad disk leaves them (shared with lime-cli's tests). */
public final class DamagedImages {

    private DamagedImages() {
    }

    /** @return a JPEG of seeded colour noise (so that its scan data is long), as bytes */
    public static byte[] noisyJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @return the JPEG's bytes up to halfway between its start-of-scan marker (FF DA) and its end:
     *         the headers are whole, the compressed pixels stop part-way
     * @throws IllegalArgumentException if the bytes have no start of scan followed by at least 200 bytes
     */
    public static byte[] cutInsideScanData(byte[] jpeg) {
        int sos = startOfScan(jpeg);
        if (sos < 0 || jpeg.length - sos < 200) {
            throw new IllegalArgumentException("no start of scan followed by 200 bytes of scan data");
        }
        return Arrays.copyOf(jpeg, sos + (jpeg.length - sos) / 2);
    }

    /** @return the offset of the first start-of-scan marker, or -1 */
    public static int startOfScan(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xda) {
                return i;
            }
        }
        return -1;
    }
}
