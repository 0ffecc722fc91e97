package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The nsfwjs models (real, trained Keras files) imported through {@link ImageModels} reproduce the
 * original TF.js model's probabilities on the reference inputs to 1e-5.
 *
 * <p>The reference inputs ({@code models/reference/input_*.npy}) are already scaled to [0, 1]
 * NHWC. They are multiplied by 255 here and go through the product path: {@link Preprocessing#UNIT}
 * divides them by 255 again inside {@code predict} (float rounding of x * 255 / 255 stays within
 * one ulp of x). The three photos go through as one batch of 3. Each subclass loads its model once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NsfwModelParity {

    private static final String[] IMAGES = {"cat_mouse", "dogs", "goldenretriever"};
    private static final double TOLERANCE = 1e-5;

    private NetworkImageClassifier model;
    private JsonNode reference;
    private String absence;

    /** @return the model file inside the shared data, e.g. models/nsfw_inception_v3.h5 */
    abstract String modelFile();

    /** @return the key in tfjs_probs.json, e.g. inception_v3 */
    abstract String referenceKey();

    /** @return the input size, 299 or 224 */
    abstract int size();

    @BeforeAll
    void loadModelAndReference() throws IOException {
        absence = SharedData.absence(modelFile());
        if (absence == null) {
            absence = SharedData.absence("models/reference/tfjs_probs.json");
        }
        if (absence != null) {
            return;
        }
        Path file = SharedData.require(modelFile());
        reference = new ObjectMapper().readTree(SharedData.require("models/reference/tfjs_probs.json").toFile());
        List<String> classes = new ArrayList<>();
        reference.get("classes").forEach(c -> classes.add(c.asText()));
        model = ImageModels.load(file, ModelOptions.builder().preprocessing(Preprocessing.UNIT).classNames(classes)
                .build());
    }

    @BeforeEach
    void skipWithoutTheSharedData() {
        assumeTrue(absence == null, absence);
    }

    @Test
    void importsAsAComputationGraphTakingNhwcImages() {
        assertTrue(model.network().isComputationGraph());
        assertEquals(new ImageInput(size(), size(), 3, ImageLayout.NHWC), model.input());
        assertEquals(List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy"), model.classNames());
    }

    @Test
    void reproducesTheTfjsProbabilitiesOfThreePhotosWithin1e5() {
        INDArray[] inputs = new INDArray[IMAGES.length];
        for (int i = 0; i < IMAGES.length; i++) {
            inputs[i] = Nd4j.createFromNpyFile(
                    SharedData.require("models/reference/input_" + IMAGES[i] + "_" + size() + ".npy").toFile());
        }
        INDArray batch = Nd4j.concat(0, inputs).muli(255.0);

        double[][] probabilities = model.predict(batch).toDoubleMatrix();

        double maxDiff = 0;
        for (int i = 0; i < IMAGES.length; i++) {
            JsonNode expected = reference.path("models").path(referenceKey()).path("per_image").path(IMAGES[i])
                    .path("probs");
            for (int k = 0; k < 5; k++) {
                double diff = Math.abs(probabilities[i][k] - expected.get(k).asDouble());
                maxDiff = Math.max(maxDiff, diff);
                assertTrue(diff <= TOLERANCE, IMAGES[i] + " class " + k + ": DL4J " + probabilities[i][k]
                        + " vs TF.js " + expected.get(k).asDouble());
            }
        }
        System.out.printf(Locale.ROOT, "%s: max |DL4J - TF.js| over 3 images x 5 classes = %.3e%n", referenceKey(),
                maxDiff);
    }
}
