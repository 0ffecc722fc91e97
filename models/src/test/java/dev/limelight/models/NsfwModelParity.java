package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The nsfwjs models (real, trained Keras files) imported through {@link ImageModels} reproduce the
 * original TF.js model's probabilities on the reference inputs, within a bound about ten times the
 * difference measured (each subclass gives its bound), and a model with one output weight moved by
 * 1e-4 does not.
 *
 * <p>The reference inputs ({@code models/reference/input_*.npy}) are already scaled to [0, 1]
 * NHWC. They are multiplied by 255 here and go through the product path: {@link Preprocessing#UNIT}
 * divides them by 255 again inside {@code predict} (float rounding of x * 255 / 255 stays within
 * one ulp of x). The three photos go through as one batch of 3. Each subclass loads its model once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NsfwModelParity {

    private static final String[] IMAGES = {"cat_mouse", "dogs", "goldenretriever"};
    private static final double MOVED_BY = 1e-4;

    private NetworkImageClassifier model;
    private JsonNode reference;
    private String absence;

    /** @return the model file inside the shared data, e.g. models/nsfw_inception_v3.h5 */
    abstract String modelFile();

    /** @return the key in tfjs_probs.json, e.g. inception_v3 */
    abstract String referenceKey();

    /** @return the input size, 299 or 224 */
    abstract int size();

    /**
     * @return the largest |DL4J - TF.js| accepted over the 3 x 5 probabilities: about ten times what
     *         the path this build takes (oneDNN convolutions or DL4J's im2col) was measured at
     */
    abstract double tolerance();

    @BeforeAll
    void loadModelAndReference() throws IOException {
        absence = SharedData.absence(modelFile()).or(() -> SharedData.absence("models/reference/tfjs_probs.json"))
                .orElse(null);
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
        if (absence != null) {
            SharedData.skipOrFail(absence);
        }
    }

    @Test
    void importsAsAComputationGraphTakingNhwcImages() {
        assertTrue(model.network().isComputationGraph());
        assertEquals(new ImageInput(size(), size(), 3, ImageLayout.NHWC), model.input());
        assertEquals(List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy"), model.classNames());
    }

    @Test
    void reproducesTheTfjsProbabilitiesOfThreePhotos() {
        double maxDiff = maxDifferenceFromReference();
        System.out.printf(Locale.ROOT, "%s: max |DL4J - TF.js| over 3 images x 5 classes = %.3e (bound %.1e)%n",
                referenceKey(), maxDiff, tolerance());
        assertTrue(maxDiff <= tolerance(), "max |DL4J - TF.js| " + maxDiff + " above " + tolerance());
    }

    /**
     * The bound is tight enough to see a real change: the output layer's bias of one class, moved by
     * 1e-4, puts the probabilities out of it. The class is the one whose reference probabilities are
     * least saturated (largest p (1 - p) over the photos), where a logit's move shows most.
     */
    @Test
    void oneOutputBiasMovedBy1e4BreaksTheParity() {
        INDArray bias = outputBias();
        int k = leastSaturatedClass();
        double original = bias.getDouble(k);
        try {
            bias.putScalar(k, original + MOVED_BY);
            double maxDiff = maxDifferenceFromReference();
            assertTrue(maxDiff > tolerance(), "class " + k + " bias moved by " + MOVED_BY + ": max |DL4J - TF.js| "
                    + maxDiff + " still within " + tolerance());
        } finally {
            bias.putScalar(k, original);
        }
        assertEquals(original, bias.getDouble(k));
    }

    private double maxDifferenceFromReference() {
        INDArray[] inputs = new INDArray[IMAGES.length];
        for (int i = 0; i < IMAGES.length; i++) {
            inputs[i] = Nd4j.createFromNpyFile(
                    SharedData.require("models/reference/input_" + IMAGES[i] + "_" + size() + ".npy").toFile());
        }
        INDArray batch = Nd4j.concat(0, inputs).muli(255.0);
        double[][] probabilities = model.predict(batch).toDoubleMatrix();
        double maxDiff = 0;
        for (int i = 0; i < IMAGES.length; i++) {
            JsonNode expected = referenceProbabilities(IMAGES[i]);
            for (int k = 0; k < 5; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(probabilities[i][k] - expected.get(k).asDouble()));
            }
        }
        return maxDiff;
    }

    private JsonNode referenceProbabilities(String image) {
        return reference.path("models").path(referenceKey()).path("per_image").path(image).path("probs");
    }

    private int leastSaturatedClass() {
        int best = 0;
        double bestSpread = -1;
        for (String image : IMAGES) {
            JsonNode probs = referenceProbabilities(image);
            for (int k = 0; k < 5; k++) {
                double p = probs.get(k).asDouble();
                if (p * (1 - p) > bestSpread) {
                    bestSpread = p * (1 - p);
                    best = k;
                }
            }
        }
        return best;
    }

    /** @return a view of the bias of the last layer that has one (the classifier's output layer) */
    private INDArray outputBias() {
        Layer[] layers = ((ComputationGraph) model.network().network()).getLayers();
        for (int i = layers.length - 1; i >= 0; i--) {
            if (layers[i].paramTable().containsKey("b")) {
                return layers[i].getParam("b");
            }
        }
        throw new IllegalStateException("no layer with a bias");
    }
}
