package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * K-Lasso against the reference implementation's outputs (lime 0.2.0.1, see
 * {@code src/test/resources/golden/README.md}): every (feature selection, K) case of every
 * neighbourhood must give the same selected features, and the same intercept, weights, score
 * and local prediction to 1e-6.
 *
 * <p>Runs on the bundled cases, or on any directory in the same format named by the system
 * property {@code limelight.golden.dir}:
 * {@code mvn -B -pl lime-core test -Dtest=GoldenVectorsTest -Dlimelight.golden.dir=DIR}.
 */
class GoldenVectorsTest {

    private static final double TOLERANCE = 1e-6;
    /** The bundled set: 3 neighbourhoods x 5 feature selections x K in {5, 10}. */
    private static final int BUNDLED_CASES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> everyCaseMatchesTheReference() throws IOException {
        Path dir = goldenDirectory();
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        assertTrue(index.size() > 0, "index.json lists no cases in " + dir);
        List<DynamicNode> datasets = new ArrayList<>();
        int planned = 0;
        for (JsonNode pair : index) {
            JsonNode inputs = JSON.readTree(dir.resolve(pair.get("inputs").asText()).toFile());
            JsonNode expected = JSON.readTree(dir.resolve(pair.get("expected").asText()).toFile());
            Neighbourhood neighbourhood = Neighbourhood.of(
                    matrix(inputs.get("neighborhood_data")),
                    matrix(inputs.get("neighborhood_labels")),
                    vector(inputs.get("distances")));
            double width = inputs.get("kernel_width").asDouble();
            int label = inputs.get("label").asInt();

            List<DynamicNode> cases = new ArrayList<>();
            cases.add(DynamicTest.dynamicTest("kernel weights", () -> kernelMatches(inputs, width)));
            for (JsonNode expectedCase : expected.get("cases")) {
                String mode = expectedCase.get("feature_selection").asText();
                int k = expectedCase.get("num_features").asInt();
                cases.add(DynamicTest.dynamicTest(mode + " K=" + k,
                        () -> caseMatches(neighbourhood, width, label, mode, k, expectedCase)));
            }
            assertTrue(cases.size() > 1, pair.get("expected").asText() + " holds no case");
            planned += cases.size() - 1;
            datasets.add(DynamicContainer.dynamicContainer(pair.get("inputs").asText(), cases));
        }
        if (System.getProperty("limelight.golden.dir") == null) {
            assertEquals(BUNDLED_CASES, planned, "cases in the bundled golden files");
        }
        return datasets.stream();
    }

    private static void kernelMatches(JsonNode inputs, double width) {
        Kernel kernel = Kernel.exponential(width);
        double[] distances = vector(inputs.get("distances"));
        double[] weights = vector(inputs.get("weights"));
        for (int i = 0; i < distances.length; i++) {
            assertEquals(weights[i], kernel.weight(distances[i]), 1e-12, "kernel weight of sample " + i);
        }
    }

    private static void caseMatches(Neighbourhood neighbourhood, double width, int label, String mode, int k,
                                    JsonNode expected) {
        KLassoOptions options = KLassoOptions.builder()
                .kernelWidth(width)
                .featureSelection(FeatureSelection.valueOf(mode.toUpperCase(Locale.ROOT)))
                .numFeatures(k)
                .build();
        LocalExplanation actual = new KLasso(options).explain(neighbourhood, label);

        TreeSet<Integer> expectedSet = new TreeSet<>();
        expected.get("selected_features_sorted").forEach(f -> expectedSet.add(f.asInt()));
        assertEquals(expectedSet, new TreeSet<>(actual.weightsByFeature().keySet()), "selected features");

        assertEquals(expected.get("intercept").asDouble(), actual.intercept(), TOLERANCE, "intercept");
        assertEquals(expected.get("score").asDouble(), actual.score(), TOLERANCE, "score");
        assertEquals(expected.get("local_pred").asDouble(), actual.localPrediction(), TOLERANCE, "local prediction");

        Map<Integer, Double> weights = actual.weightsByFeature();
        JsonNode exp = expected.get("exp");
        for (JsonNode pair : exp) {
            int feature = pair.get(0).asInt();
            assertEquals(pair.get(1).asDouble(), weights.get(feature), TOLERANCE, "weight of feature " + feature);
        }
        // Order: where adjacent expected |weights| differ by more than the tolerance, ours must agree.
        List<FeatureWeight> ordered = actual.weights();
        for (int i = 0; i + 1 < exp.size(); i++) {
            double gap = Math.abs(exp.get(i).get(1).asDouble()) - Math.abs(exp.get(i + 1).get(1).asDouble());
            if (gap > 2 * TOLERANCE) {
                assertEquals(exp.get(i).get(0).asInt(), ordered.get(i).feature(), "feature at rank " + i);
            }
        }
    }

    private static Path goldenDirectory() {
        String override = System.getProperty("limelight.golden.dir");
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override);
            if (!Files.isRegularFile(dir.resolve("index.json"))) {
                throw new IllegalArgumentException("limelight.golden.dir=" + override + " has no index.json");
            }
            return dir;
        }
        try {
            return Path.of(GoldenVectorsTest.class.getResource("/golden/index.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(rows.get(i));
        }
        return m;
    }

    static double[] vector(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
