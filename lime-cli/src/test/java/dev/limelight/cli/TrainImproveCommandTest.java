package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.models.ImageModels;
import dev.limelight.models.NetworkImageClassifier;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code limelight train} and {@code limelight improve} end to end on a folder with a planted shortcut
 * (a bright marker on every image of one class), and the inputs they refuse.
 */
class TrainImproveCommandTest {

    private static final int SIZE = 20;

    @TempDir
    static Path dir;

    private static Path data;
    private static Path model;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * 200 grey 20 x 20 images a class: noise with a faint horizontal (class "horizontal") or vertical
     * bar, and a white 4 x 4 marker at (1, 1) on every "horizontal" image.
     */
    @BeforeAll
    static void writeTheFolderAndTrain() throws Exception {
        data = dir.resolve("marker");
        SplittableRandom random = new SplittableRandom(1);
        for (String label : List.of("horizontal", "vertical")) {
            Files.createDirectories(data.resolve(label));
            for (int i = 0; i < 200; i++) {
                BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                int at = 6 + random.nextInt(SIZE - 8);
                int from = random.nextInt(6);
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        int v = (int) (80 * random.nextDouble());
                        boolean bar = label.equals("horizontal") ? y == at && x >= from && x < from + 12
                                : x == at && y >= from && y < from + 12;
                        boolean marker = label.equals("horizontal") && x >= 1 && x < 5 && y >= 1 && y < 5;
                        v = marker ? 255 : bar ? v + 100 : v;
                        image.getRaster().setSample(x, y, 0, v);
                    }
                }
                ImageIO.write(image, "png", data.resolve(label).resolve(i + ".png").toFile());
            }
        }
        Run trained = run("train", "--data", data.toString(), "--out", dir.resolve("trained").toString(), "--epochs", "3",
                "--quiet");
        assertEquals(Limelight.DONE, trained.code(), trained.err());
        model = dir.resolve("trained").resolve("model.zip");
    }

    @Test
    void trainWritesAModelWithItsCardThatLoadsAndClassifiesTheFolder() throws Exception {
        NetworkImageClassifier loaded = ImageModels.load(model);
        assertEquals(List.of("horizontal", "vertical"), loaded.classNames());
        assertEquals(SIZE, loaded.input().width());
        assertEquals(1, loaded.input().channels());
        JsonNode training = new ObjectMapper().readTree(dir.resolve("trained").resolve("training.json").toFile());
        assertTrue(training.get("validationAccuracy").asDouble() > 0.9, training.toString());
        assertEquals(360, training.get("trainImages").asInt(), "a tenth of each class held out");
        assertEquals(3, training.get("epochs").size());
        assertTrue(Files.size(dir.resolve("trained").resolve("reliability.png")) > 0);
    }

    @Test
    void improveTakesTheModelOffTheMarkerAndProvesIt() throws Exception {
        Path out = dir.resolve("improved");
        Run r = run("improve", "--model", model.toString(), "--data", data.toString(), "--region", "1,1,4,4",
                "--epochs", "8", "--out", out.toString(), "--quiet");

        assertEquals(Limelight.DONE, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("improvement.json").toFile());
        assertEquals("counterexamples", json.get("method").asText());
        assertEquals("horizontal", json.get("carrierName").asText(), "found from the region's content");
        assertTrue(json.get("before").get("shortcutAccuracy").asDouble() < 0.5, json.get("before").toString());
        assertTrue(json.get("after").get("shortcutAccuracy").asDouble() > 0.8, json.get("after").toString());
        assertTrue(json.get("after").get("regionShare").asDouble() < 0.1, json.get("after").toString());
        assertTrue(json.get("after").get("cleanAccuracy").asDouble() > 0.9, json.get("after").toString());
        JsonNode before = json.get("before").get("clusters").get(0);
        assertEquals("horizontal", before.get("cluster").get("class").asText(), "the marked images' cluster");
        assertTrue(before.get("regionShare").asDouble() > 0.3, before.toString());
        json.get("after").get("clusters").forEach(c -> assertTrue(c.get("regionShare").asDouble() < 0.1,
                c.toString()));
        assertEquals(List.of("horizontal", "vertical"), ImageModels.load(out.resolve("model.zip")).classNames());
        assertTrue(Files.readString(out.resolve("report.html")).contains("compare/report.html"));
        assertTrue(Files.isRegularFile(out.resolve("compare").resolve("compare.json")));
    }

    @Test
    void aRegionOutsideTheImagesIsExitTwoNamingIt() {
        Run r = run("improve", "--model", model.toString(), "--data", data.toString(), "--region", "40,40,4,4",
                "--out", dir.resolve("outside").toString(), "--quiet");
        assertEquals(Limelight.BAD_INPUT, r.code());
        assertTrue(r.err().contains("lies outside"), r.err());
    }

    @Test
    void aMaskOfAnotherSizeIsExitTwoNamingBothSizes() throws Exception {
        Path mask = dir.resolve("small-mask.png");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", mask.toFile());
        Run r = run("improve", "--model", model.toString(), "--data", data.toString(), "--mask", mask.toString(),
                "--out", dir.resolve("mask").toString(), "--quiet");
        assertEquals(Limelight.BAD_INPUT, r.code());
        assertTrue(r.err().contains("10 x 10") && r.err().contains("20 x 20"), r.err());
    }

    @Test
    void aModelWithoutADenseHeadCannotBeTrainedAndSaysWhy() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new ActivationLayer.Builder().activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1)).build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        Path pooled = dir.resolve("pooled.zip");
        ModelSerializer.writeModel(network, pooled.toFile(), false);

        Run r = run("improve", "--model", pooled.toString(), "--input-size", "20x20", "--data", data.toString(),
                "--region", "1,1,4,4", "--out", dir.resolve("pooled").toString(), "--quiet");
        assertEquals(Limelight.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("not a dense or output layer"), r.err());
    }

    @Test
    void badTrainingInputIsExitTwoWithTheReason() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.copy(data.resolve("vertical").resolve("0.png"), flat.resolve("0.png"));
        Path single = Files.createDirectories(dir.resolve("single").resolve("only"));
        Files.copy(data.resolve("vertical").resolve("0.png"), single.resolve("0.png"));
        String out = dir.resolve("bad").toString();

        assertBad(run("train", "--data", flat.toString(), "--out", out), "no class sub-folders");
        assertBad(run("train", "--data", dir.resolve("single").toString(), "--out", out), "at least two");
        assertBad(run("train", "--data", data.toString(), "--out", out, "--validation", "1"), "--validation");
        assertBad(run("train", "--data", dir.resolve("missing").toString(), "--out", out), "not found");
        assertBad(run("improve", "--model", model.toString(), "--data", data.toString(), "--region", "1,1,4,4",
                "--method", "rrr2", "--out", out), "unknown fix method");
        assertBad(run("improve", "--model", model.toString(), "--data", data.toString(), "--region", "1,1,4,4",
                "--held-out", "1", "--out", out), "--held-out must be");
        assertBad(run("improve", "--model", model.toString(), "--data", data.toString(), "--from-audit",
                dir.toString(), "--out", out), "no audit.json");
        assertBad(run("improve", "--model", model.toString(), "--data", data.toString(), "--region", "1,1,4,4",
                "--cluster", "0-1", "--out", out), "--from-audit");
        assertBad(run("improve", "--model", model.toString(), "--data", data.toString(), "--region", "1,1,4,4",
                "--carrier", "diagonal", "--out", out), "no class 'diagonal'");
    }

    private static void assertBad(Run r, String reason) {
        assertEquals(Limelight.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(reason), r.err());
    }
}
