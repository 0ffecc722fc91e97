package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@code limelight compare}: its files, its exit codes, and the inputs it refuses. */
class CompareCommandTest {

    private static final String MODEL = "../models/bundled/fashion-mnist-cnn.zip";
    private static final String DATA = "../examples/fashion-mnist-audit";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A DL4J zip of an untrained small CNN over flat side x side grey images with {@code classes} outputs. */
    private Path denseModel(String name, int side, int classes) throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(side, side, 1)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        Path file = dir.resolve(name);
        ModelSerializer.writeModel(network, file.toFile(), false);
        return file;
    }

    @Test
    void aModelAgainstItselfChangesNothingAndWritesCompareJson() throws Exception {
        Path out = dir.resolve("same");
        Run r = run("compare", "--model", MODEL, "--model-b", MODEL, "--data", DATA, "--out", out.toString(),
                "--quiet", "--fail-on", "broken > 0");

        assertEquals(Limelight.DONE, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertEquals(0, json.get("changed").get("broken").size());
        assertEquals(1.0, json.get("mcnemar").get("pValue").asDouble());
        assertEquals(json.get("modelA").get("accuracy"), json.get("modelB").get("accuracy"));
        assertTrue(r.out().contains("0 fixed, 0 broken"), r.out());
    }

    @Test
    void driftOfAFolderAgainstItselfHasEveryTestWithItsStatisticAndPValue() throws Exception {
        Path out = dir.resolve("drift");
        Run r = run("compare", "--model", MODEL, "--data", DATA, "--data-b", DATA, "--out", out.toString(), "--quiet",
                "--fail-on", "drift-pvalue < 0.01");

        assertEquals(Limelight.DONE, r.code(), r.err());
        JsonNode drift = new ObjectMapper().readTree(out.resolve("compare.json").toFile()).get("drift");
        for (String quantity : new String[] {"brightness", "sharpness", "confidence", "predictedClass", "embedding"}) {
            assertTrue(drift.get(quantity).has("statistic") && drift.get(quantity).has("pValue"), quantity);
        }
        assertTrue(Files.size(out.resolve("drift.png")) > 1000);
    }

    @Test
    void twoSavedAuditsOfOneFolderGiveAModelDiffWithoutTheModels() throws Exception {
        for (String name : new String[] {"audit-a", "audit-b"}) {
            Run audit = run("audit", "--model", MODEL, "--data", DATA, "--out", dir.resolve(name).toString(),
                    "--explain", "2", "--samples", "50", "--quiet");
            assertEquals(Limelight.DONE, audit.code(), audit.err());
        }
        Path out = dir.resolve("saved");

        Run r = run("compare", "--run", dir.resolve("audit-a").toString(), "--run-b", dir.resolve("audit-b").toString(),
                "--out", out.toString(), "--quiet");

        assertEquals(Limelight.DONE, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertEquals(0, json.get("changed").get("broken").size());
        assertEquals(60, json.get("modelA").get("classes").findValues("support").stream().mapToInt(JsonNode::asInt)
                .sum(), "all 60 audited images compared");
        Run notAnAudit = run("compare", "--run", dir.toString(), "--run-b", dir.resolve("audit-b").toString(),
                "--out", dir.resolve("bad").toString());
        assertEquals(Limelight.BAD_INPUT, notAnAudit.code());
        assertTrue(notAnAudit.err().contains("is not a saved audit"), notAnAudit.err());
    }

    @Test
    void modelBOnTheNewImagesIsAnUnpairedComparisonWithoutTheEmbeddingTest() throws Exception {
        Path out = dir.resolve("unpaired");
        Run r = run("compare", "--model", MODEL, "--model-b", MODEL, "--data", DATA, "--data-b", DATA, "--out",
                out.toString(), "--quiet");

        assertEquals(Limelight.DONE, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertTrue(json.has("modelA") && json.has("modelB") && json.has("drift"));
        assertTrue(!json.get("drift").has("embedding"), "two models' activations are not compared");
        assertTrue(!json.has("changed"), "unpaired: no image-by-image changes");
    }

    @Test
    void aRuleThatHoldsIsExitOne() {
        Run r = run("compare", "--model", MODEL, "--model-b", MODEL, "--data", DATA, "--out",
                dir.resolve("rule").toString(), "--quiet", "--fail-on", "broken >= 0");

        assertEquals(Limelight.FAILURE, r.code(), r.err());
        assertTrue(r.out().contains("failed: broken >= 0"), r.out());
    }

    @Test
    void modelsWithDifferentClassCountsOrInputsAreRefused() throws Exception {
        Run classes = run("compare", "--model", MODEL, "--model-b", denseModel("three.zip", 28, 3).toString(),
                "--data", DATA, "--out", dir.resolve("x").toString(), "--quiet");
        Run inputs = run("compare", "--model", MODEL, "--model-b", denseModel("small.zip", 20, 10).toString(),
                "--data", DATA, "--out", dir.resolve("y").toString(), "--quiet");

        assertEquals(Limelight.BAD_INPUT, classes.code());
        assertTrue(classes.err().contains("different class counts"), classes.err());
        assertEquals(Limelight.BAD_INPUT, inputs.code());
        assertTrue(inputs.err().contains("different inputs"), inputs.err());
    }

    @Test
    void emptyFoldersMissingSecondsAndUnreadableRulesAreRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run noImages = run("compare", "--model", MODEL, "--data", DATA, "--data-b", empty.toString(), "--out",
                dir.resolve("e").toString(), "--quiet");
        Run nothingToCompare = run("compare", "--model", MODEL, "--data", DATA, "--out", dir.resolve("n").toString());
        Run badRule = run("compare", "--model", MODEL, "--model-b", MODEL, "--data", DATA, "--out",
                dir.resolve("b").toString(), "--fail-on", "broken = 2");

        assertEquals(Limelight.BAD_INPUT, noImages.code());
        assertTrue(noImages.err().contains("holds no images"), noImages.err());
        assertEquals(Limelight.BAD_INPUT, nothingToCompare.code());
        assertTrue(nothingToCompare.err().contains("--model-b") && nothingToCompare.err().contains("--data-b"),
                nothingToCompare.err());
        assertEquals(Limelight.BAD_INPUT, badRule.code());
        assertTrue(badRule.err().contains("'broken = 2'"), badRule.err());
    }
}
