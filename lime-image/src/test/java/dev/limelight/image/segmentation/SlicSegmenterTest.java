package dev.limelight.image.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boofcv.factory.segmentation.ConfigSlic;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SLIC configured through BoofCV's own configuration object. */
class SlicSegmenterTest {

    private static RasterImage noise() {
        SplittableRandom random = new SplittableRandom(4);
        float[] pixels = new float[48 * 40 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextInt(256);
        }
        return new RasterImage(48, 40, 3, pixels);
    }

    @Test
    void theSegmentCountConstructorIsBoofcvsDefaults() {
        RasterImage image = noise();
        Segmentation byCount = new SlicSegmenter(16).segment(image);
        Segmentation byConfig = new SlicSegmenter(SlicSegmenter.defaults(16)).segment(image);

        assertEquals(byCount, byConfig);
        assertEquals(10, new SlicSegmenter(16).config().totalIterations);
        assertEquals("slic(16)", new SlicSegmenter(16).toString());
    }

    @Test
    void fewerIterationsAreASetting() {
        ConfigSlic fast = SlicSegmenter.defaults(16);
        fast.totalIterations = 1;
        SlicSegmenter segmenter = new SlicSegmenter(fast);
        fast.totalIterations = 7;

        assertEquals(1, segmenter.config().totalIterations, "the configuration is copied");
        assertTrue(segmenter.toString().contains("1 iterations"), segmenter.toString());
        assertNotEquals(new SlicSegmenter(16).segment(noise()), segmenter.segment(noise()));
    }

    @Test
    void aConfigurationThatCannotWorkIsRefused() {
        ConfigSlic none = SlicSegmenter.defaults(16);
        none.totalIterations = 0;
        ConfigSlic flat = SlicSegmenter.defaults(16);
        flat.spacialWeight = 0;

        assertThrows(IllegalArgumentException.class, () -> new SlicSegmenter(none));
        assertThrows(IllegalArgumentException.class, () -> new SlicSegmenter(flat));
        assertThrows(IllegalArgumentException.class, () -> new SlicSegmenter(1));
    }
}
