package dev.limelight.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The fast PNG encoder's files decode, with ImageIO, to the pixels encoded. */
class PngEncoderTest {

    @Test
    void anRgbImageDecodesToTheSamePixels() throws IOException {
        SplittableRandom random = new SplittableRandom(9);
        BufferedImage image = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertEquals(37, back.getWidth());
        assertEquals(21, back.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(image.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aGreyImageStaysGrey() throws IOException {
        BufferedImage image = new BufferedImage(8, 5, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 40; i++) {
            image.getRaster().setSample(i % 8, i / 8, 0, i * 6);
        }

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertEquals(1, back.getRaster().getNumBands());
        for (int i = 0; i < 40; i++) {
            assertEquals(i * 6, back.getRaster().getSample(i % 8, i / 8, 0));
        }
    }
}
