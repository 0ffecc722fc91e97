package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.models.ModelCard;
import dev.limelight.training.fit.TrainedModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain-image --explain-space}: which output the surrogate fits. The known answer: a copy of
 * the bundled CNN whose output layer's weights and bias are divided by T is the same model at
 * temperature T (same argmax; logits / T). Its logit-space explanation is the original's divided by
 * T, segment for segment; its probability-space explanation is not a scaled copy of the original's.
 */
class ExplainSpaceTest {

    private static final Path MODEL = Path.of("../models/bundled/fashion-mnist-cnn.zip");
    private static final String IMAGE = "../models/bundled/images/6-shirt.png";
    private static final double T = 3;

    @TempDir
    static Path dir;

    private static Path tempered;

    @BeforeAll
    static void divideTheOutputLayerByT() throws Exception {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(MODEL.toFile(), false);
        org.deeplearning4j.nn.api.Layer output = network.getLayer(network.getnLayers() - 1);
        output.setParams(output.params().div(T));
        tempered = TrainedModel.writeModel(network, ModelCard.readFrom(MODEL).orElseThrow(),
                dir.resolve("tempered.zip"));
    }

    private static JsonNode explain(Path model, String space, String name) throws Exception {
        StringWriter err = new StringWriter();
        int code = Limelight.run(new String[] {"explain-image", "--model", model.toString(), "--image", IMAGE,
                "--out", dir.resolve(name).toString(), "--samples", "300", "--explain-space", space, "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Limelight.DONE, code, err.toString());
        return new ObjectMapper().readTree(dir.resolve(name).resolve("explanation.json").toFile());
    }

    /** The top label's weight of every segment up to the largest either explanation names (0 where it has none). */
    private static double[][] weights(JsonNode one, JsonNode other) {
        int segments = 1 + java.util.stream.Stream.of(one, other)
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.get("labels").get(0).get("weights").spliterator(), false))
                .mapToInt(f -> f.get("feature").asInt()).max().orElseThrow();
        double[][] w = new double[2][segments];
        one.get("labels").get(0).get("weights").forEach(f -> w[0][f.get("feature").asInt()] = f.get("weight").asDouble());
        other.get("labels").get(0).get("weights").forEach(f -> w[1][f.get("feature").asInt()] = f.get("weight").asDouble());
        return w;
    }

    @Test
    void logitWeightsScaleByOneOverTWhereProbabilityWeightsChangeShape() throws Exception {
        JsonNode logit = explain(MODEL, "logit", "logit");
        JsonNode logitAtT = explain(tempered, "logit", "logit-t");
        JsonNode probability = explain(MODEL, "probability", "probability");
        JsonNode probabilityAtT = explain(tempered, "probability", "probability-t");

        assertEquals("logit", logit.get("explainedOutput").get("space").asText());
        assertEquals(logit.get("labels").get(0).get("label").asInt(), logitAtT.get("labels").get(0).get("label").asInt(),
                "dividing the logits by T keeps the predicted class");
        double[][] logits = weights(logit, logitAtT);
        double[] a = logits[0];
        double[] b = logits[1];
        double largest = IntStream.range(0, a.length).mapToDouble(i -> Math.abs(a[i])).max().orElseThrow();
        assertTrue(largest > 0.01, "the logit explanation has weights");
        assertArrayEquals(IntStream.range(0, a.length).mapToDouble(i -> a[i] / T).toArray(), b, 1e-4 * largest,
                "logit weights scale by 1 / T");

        double[][] probabilities = weights(probability, probabilityAtT);
        double[] p = probabilities[0];
        double[] q = probabilities[1];
        double scale = IntStream.range(0, p.length).mapToDouble(i -> p[i] * q[i]).sum()
                / IntStream.range(0, p.length).mapToDouble(i -> p[i] * p[i]).sum();
        double residual = Math.sqrt(IntStream.range(0, p.length).mapToDouble(i -> Math.pow(q[i] - scale * p[i], 2)).sum()
                / IntStream.range(0, p.length).mapToDouble(i -> q[i] * q[i]).sum());
        assertTrue(residual > 0.05, "the probability weights at T are no scaled copy of the original's: relative "
                + "residual " + residual);
    }

    @Test
    void theCalibratedSpaceTakesTheModelCardsTemperatureAndSaysSo() throws Exception {
        JsonNode calibrated = explain(MODEL, "calibrated", "calibrated");
        assertEquals("calibrated", calibrated.get("explainedOutput").get("space").asText());
        assertEquals(ModelCard.readFrom(MODEL).orElseThrow().temperature(),
                calibrated.get("explainedOutput").get("temperature").asDouble(), 1e-12);
        assertEquals("model card", calibrated.get("explainedOutput").get("source").asText());
    }

    @Test
    void anUnknownSpaceOrACalibrationForAnotherSpaceIsExitTwo() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, Limelight.run(new String[] {"explain-image", "--model", MODEL.toString(),
                "--image", IMAGE, "--out", dir.resolve("bad").toString(), "--explain-space", "log-odds", "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("unknown explain space 'log-odds'"), err.toString());

        java.nio.file.Files.writeString(dir.resolve("calibration.json"), "{\"method\":\"temperature\",\"temperature\":2,"
                + "\"classCount\":10,\"images\":60,\"model\":\"m\",\"eceBefore\":0.1,\"eceAfter\":0.05}");
        err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, Limelight.run(new String[] {"explain-image", "--model", MODEL.toString(),
                "--image", IMAGE, "--out", dir.resolve("bad").toString(), "--explain-space", "logit", "--calibration",
                dir.resolve("calibration.json").toString(), "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("the logit space does not use one"), err.toString());
    }

    @Test
    void explainTextFitsTheLogitsOfATextNetworkAndHasNoCalibratedSpace() throws Exception {
        String model = "../lime-text/bundled/newsgroups-religion-bow.zip";
        String text = "../lime-text/bundled/samples/darwin-fish.txt";
        StringWriter err = new StringWriter();
        assertEquals(Limelight.DONE, Limelight.run(new String[] {"explain-text", "--model", model, "--text", text,
                "--out", dir.resolve("text-logit").toString(), "--explain-space", "logit", "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)), err.toString());
        JsonNode explanation = new ObjectMapper().readTree(dir.resolve("text-logit").resolve("explanation.json").toFile());
        assertEquals("logit", explanation.get("explainedOutput").get("space").asText());

        err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, Limelight.run(new String[] {"explain-text", "--model", model, "--text", text,
                "--out", dir.resolve("text-calibrated").toString(), "--explain-space", "calibrated", "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("text models carry no temperature"), err.toString());
    }
}
