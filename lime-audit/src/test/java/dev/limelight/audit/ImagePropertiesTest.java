package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.image.RasterImage;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/** Image properties on images whose answers are known by hand. */
class ImagePropertiesTest {

    private static RasterImage grey(int w, int h, IntBinaryOperator value) {
        float[] pixels = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = value.applyAsInt(x, y);
            }
        }
        return new RasterImage(w, h, 1, pixels);
    }

    @Test
    void aFlatGreyImageHasNoContrastSharpnessColourOrEntropy() {
        ImageProperties p = ImageProperties.of(grey(10, 8, (x, y) -> 100));

        assertEquals(10, p.width());
        assertEquals(8, p.height());
        assertEquals(1.25, p.aspectRatio(), 0);
        assertEquals(100, p.brightness(), 1e-9);
        assertEquals(0, p.contrast(), 1e-9);
        assertEquals(0, p.sharpness(), 1e-9);
        assertEquals(0, p.colourfulness(), 1e-9);
        assertEquals(0, p.entropy(), 1e-12);
    }

    @Test
    void halfBlackHalfWhiteHasOneBitOfEntropyAndFullRmsContrast() {
        ImageProperties p = ImageProperties.of(grey(8, 8, (x, y) -> x < 4 ? 0 : 255));

        assertEquals(127.5, p.brightness(), 1e-9);
        assertEquals(127.5, p.contrast(), 1e-9);
        assertEquals(1.0, p.entropy(), 1e-12);
    }

    @Test
    void aCheckerboardIsAsSharpAsPixelsGetAndBlurLowersIt() {
        // every interior Laplacian is +-4 x 255: variance (4 x 255)^2
        ImageProperties board = ImageProperties.of(grey(6, 6, (x, y) -> (x + y) % 2 == 0 ? 0 : 255));
        ImageProperties ramp = ImageProperties.of(grey(6, 6, (x, y) -> 40 * x));

        assertEquals(1020.0 * 1020.0, board.sharpness(), 1e-6);
        assertEquals(0, ramp.sharpness(), 1e-9, "a linear ramp has no second derivative");
    }

    @Test
    void pureRedIsColourfulByHaslerAndSuesstrunk() {
        float[] red = new float[4 * 4 * 3];
        for (int i = 0; i < 16; i++) {
            red[3 * i] = 255;
        }
        ImageProperties p = ImageProperties.of(new RasterImage(4, 4, 3, red));

        // rg = 255 and yb = 127.5 everywhere: no spread, mean sqrt(255^2 + 127.5^2)
        assertEquals(0.3 * Math.hypot(255, 127.5), p.colourfulness(), 1e-9);
        assertEquals(0.299 * 255, p.brightness(), 1e-4);
    }

    @Test
    void propertiesAreNamedAsTheRowsNameThem() {
        ImageProperties p = ImageProperties.of(grey(8, 4, (x, y) -> 10 * x));

        assertEquals(ImageProperties.NAMES, java.util.List.copyOf(p.asMap().keySet()));
        assertEquals(2.0, p.get("aspectRatio"), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.get("hue")).getMessage().contains("hue"));
    }
}
