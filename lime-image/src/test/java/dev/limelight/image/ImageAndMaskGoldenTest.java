package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.FeatureWeight;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ImageAndMask} against the reference's {@code get_image_and_mask} outputs for 9 argument
 * combinations (src/test/resources/golden/extras_image_mask.json, from lime 0.2.0.1).
 */
class ImageAndMaskGoldenTest {

    @TestFactory
    Stream<DynamicTest> everyArgumentCombinationMatchesTheReference() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/extras_image_mask.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode segments = golden.get("segments");
        int h = segments.size();
        int w = segments.get(0).size();
        int[] labels = new int[w * h];
        float[] pixels = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = segments.get(y).get(x).asInt();
                for (int c = 0; c < 3; c++) {
                    pixels[(y * w + x) * 3 + c] = (float) golden.get("image").get(y).get(x).get(c).asDouble();
                }
            }
        }
        RasterImage image = new RasterImage(w, h, 3, pixels);
        Segmentation segmentation = Segmentation.fromLabels(w, h, labels);
        List<FeatureWeight> weights = new ArrayList<>();
        golden.get("local_exp_label1").forEach(e -> weights.add(new FeatureWeight(e.get(0).asInt(), e.get(1).asDouble())));

        List<DynamicTest> tests = new ArrayList<>();
        assertEquals(9, golden.get("cases").size(), "the golden file holds the 9 argument combinations");
        for (JsonNode c : golden.get("cases")) {
            JsonNode kw = c.get("kwargs");
            MaskOptions options = new MaskOptions(
                    kw.has("positive_only") ? kw.get("positive_only").asBoolean() : MaskOptions.DEFAULTS.positiveOnly(),
                    kw.has("negative_only") ? kw.get("negative_only").asBoolean() : MaskOptions.DEFAULTS.negativeOnly(),
                    kw.has("hide_rest") ? kw.get("hide_rest").asBoolean() : MaskOptions.DEFAULTS.hideRest(),
                    kw.has("num_features") ? kw.get("num_features").asInt() : MaskOptions.DEFAULTS.numFeatures(),
                    kw.has("min_weight") ? kw.get("min_weight").asDouble() : MaskOptions.DEFAULTS.minWeight());
            tests.add(DynamicTest.dynamicTest(kw.toString(), () -> {
                ImageAndMask result = ImageAndMask.of(image, segmentation, weights, options);
                int[] expectedMask = new int[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        expectedMask[y * w + x] = c.get("mask").get(y).get(x).asInt();
                        for (int ch = 0; ch < 3; ch++) {
                            assertEquals(c.get("image").get(y).get(x).get(ch).asDouble(), result.image().get(x, y, ch), 0,
                                    "pixel " + x + "," + y + " channel " + ch);
                        }
                    }
                }
                assertArrayEquals(expectedMask, result.mask());
            }));
        }
        assertEquals(9, tests.size());
        return tests.stream();
    }
}
