package dev.limelight.image.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boofcv.abst.segmentation.Slic_to_ImageSuperpixels;
import boofcv.factory.segmentation.ConfigSlic;
import boofcv.factory.segmentation.FactoryImageSegmentation;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.ImageType;
import boofcv.struct.image.Planar;
import dev.limelight.image.RasterImage;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The packed SLIC gives BoofCV's own SLIC labels, value for value, whatever the image and settings. */
class PackedSlicTest {

    /** Smooth colour gradients, a few discs of flat colour and pixel noise: photo-like regions and edges. */
    static RasterImage scene(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[width * height * 3];
        int discs = 3 + random.nextInt(5);
        double[][] disc = new double[discs][];
        for (int d = 0; d < discs; d++) {
            disc[d] = new double[] {random.nextDouble(width), random.nextDouble(height),
                    4 + random.nextDouble(Math.min(width, height) / 3.0),
                    random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] colour = {255.0 * x / width, 255.0 * y / height, 128};
                for (double[] d : disc) {
                    if (Math.hypot(x - d[0], y - d[1]) < d[2]) {
                        colour = new double[] {d[3], d[4], d[5]};
                    }
                }
                for (int c = 0; c < 3; c++) {
                    double noisy = colour[c] + random.nextGaussian() * 12;
                    pixels[(y * width + x) * 3 + c] = (float) Math.max(0, Math.min(255, noisy));
                }
            }
        }
        return new RasterImage(width, height, 3, pixels);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(224, 224, 64, 200f, 10, ConnectRule.EIGHT, 16),
                Arguments.of(299, 299, 100, 200f, 10, ConnectRule.EIGHT, 16),
                Arguments.of(37, 53, 10, 200f, 10, ConnectRule.EIGHT, 16),
                Arguments.of(160, 90, 40, 20f, 3, ConnectRule.FOUR, 16),
                Arguments.of(120, 120, 200, 600f, 1, ConnectRule.EIGHT, 16),
                Arguments.of(96, 128, 30, 200f, 10, ConnectRule.EIGHT, 1));
    }

    @ParameterizedTest(name = "{0} x {1}, {2} seeds, spatial weight {3}, {4} iterations, {5}, {6} slots")
    @MethodSource("cases")
    void labelsAreBoofcvsOwn(int width, int height, int segments, float spatialWeight, int iterations,
                             ConnectRule rule, int slots) {
        ConfigSlic config = new ConfigSlic(segments);
        config.spacialWeight = spatialWeight;
        config.totalIterations = iterations;
        config.connectRule = rule;
        for (long seed = 1; seed <= 3; seed++) {
            Planar<GrayF32> planes = BoofcvSegmenter.toPlanar(scene(width, height, seed));
            GrayS32 boofcv = new GrayS32(width, height);
            FactoryImageSegmentation.slic(config, ImageType.pl(3, GrayF32.class)).segment(planes, boofcv);
            GrayS32 packed = new GrayS32(width, height);
            Slic_to_ImageSuperpixels<Planar<GrayF32>> algorithm =
                    new Slic_to_ImageSuperpixels<>(new PackedSlic(config, slots));
            algorithm.segment(planes, packed);

            assertArrayEquals(boofcv.data, packed.data, "seed " + seed);
            assertTrue(algorithm.getTotalSuperpixels() > 1);
        }
    }
}
