package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.limelight.image.RasterImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Previews are PNGs any decoder reads back to the same pixels, at most 64 pixels on a side. */
class PreviewTest {

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void aSmallGreyImageIsStoredPixelForPixel() throws IOException {
        float[] pixels = new float[10 * 7];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37) % 256;
        }
        BufferedImage back = decode(Preview.png(new RasterImage(10, 7, 1, pixels)));

        assertEquals(10, back.getWidth());
        assertEquals(7, back.getHeight());
        for (int i = 0; i < pixels.length; i++) {
            assertEquals((int) pixels[i], back.getRaster().getSample(i % 10, i / 10, 0), "pixel " + i);
        }
    }

    @Test
    void anRgbImageKeepsItsChannels() throws IOException {
        float[] pixels = new float[3 * 5 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 53) % 256;
        }
        BufferedImage back = decode(Preview.png(new RasterImage(5, 4, 3, pixels)));

        for (int p = 0; p < 20; p++) {
            int rgb = back.getRGB(p % 5, p / 5);
            assertEquals((int) pixels[3 * p], (rgb >> 16) & 255);
            assertEquals((int) pixels[3 * p + 1], (rgb >> 8) & 255);
            assertEquals((int) pixels[3 * p + 2], rgb & 255);
        }
    }

    @Test
    void aPhotoShrinksToSixtyFourPixelsOnItsLongestSide() throws IOException {
        BufferedImage back = decode(Preview.png(new RasterImage(300, 150, 3, new float[300 * 150 * 3])));

        assertEquals(64, back.getWidth());
        assertEquals(32, back.getHeight());
    }
}
