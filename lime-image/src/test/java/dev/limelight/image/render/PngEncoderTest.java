package dev.limelight.image.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast PNG encoder's files decode, with ImageIO, to the pixels encoded. */
class PngEncoderTest {

    static Stream<Arguments> colourImages() {
        return Stream.of(
                Arguments.of("packed RGB ints", random(BufferedImage.TYPE_INT_RGB, 37, 21)),
                Arguments.of("packed ARGB ints (alpha dropped)", random(BufferedImage.TYPE_INT_ARGB, 37, 21)),
                Arguments.of("BGR bytes", random(BufferedImage.TYPE_3BYTE_BGR, 37, 21)),
                Arguments.of("a window of packed ints", random(BufferedImage.TYPE_INT_RGB, 50, 40).getSubimage(7, 11, 37, 21)));
    }

    private static BufferedImage random(int type, int width, int height) {
        SplittableRandom random = new SplittableRandom(9 + type);
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("colourImages")
    void aColourImageDecodesToTheSamePixels(String kind, BufferedImage image) throws IOException {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));

        assertEquals(37, back.getWidth());
        assertEquals(21, back.getHeight());
        assertEquals(3, back.getRaster().getNumBands());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertEquals(image.getRGB(x, y) & 0xFFFFFF, back.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
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
