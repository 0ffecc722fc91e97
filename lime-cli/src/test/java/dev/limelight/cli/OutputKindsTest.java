package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.Segmentation;
import dev.limelight.image.SegmenterKind;
import dev.limelight.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Every common kind of model output is explained, declared by the network's last layer: a binary
 * classifier with one sigmoid unit, a multi-label classifier (independent sigmoids) and a regression
 * head, each a small CNN trained here on a planted target. The known answer: the explanation's
 * strongest cells are the cells of the region the target was planted in.
 */
class OutputKindsTest {

    private static final int SIZE = 16;

    @TempDir
    static Path dir;

    /** Grey noise with the top-left quadrant bright or dark, and the bottom-right one too. */
    private static float[] image(SplittableRandom random, boolean topLeftBright, boolean bottomRightBright) {
        float[] pixels = new float[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double v = 0.3 + 0.2 * random.nextDouble();
                if (x < SIZE / 2 && y < SIZE / 2) {
                    v = topLeftBright ? 0.85 + 0.1 * random.nextDouble() : 0.1 * random.nextDouble();
                } else if (x >= SIZE / 2 && y >= SIZE / 2) {
                    v = bottomRightBright ? 0.85 + 0.1 * random.nextDouble() : 0.1 * random.nextDouble();
                }
                for (int c = 0; c < 3; c++) {
                    pixels[c * SIZE * SIZE + y * SIZE + x] = (float) v;
                }
            }
        }
        return pixels;
    }

    /** The mean brightness of the top-left quadrant of a CHW image. */
    private static double topLeftBrightness(float[] pixels) {
        double sum = 0;
        for (int y = 0; y < SIZE / 2; y++) {
            for (int x = 0; x < SIZE / 2; x++) {
                sum += pixels[y * SIZE + x];
            }
        }
        return sum / (SIZE * SIZE / 4.0);
    }

    private static Path train(String name, Activation activation, LossFunctions.LossFunction loss, int outputs,
                              int target, int steps) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int n = 400;
        INDArray features = Nd4j.create(n, 3, SIZE, SIZE);
        INDArray labels = Nd4j.create(n, outputs);
        for (int i = 0; i < n; i++) {
            boolean a = random.nextBoolean();
            boolean b = random.nextBoolean();
            float[] pixels = image(random, a, b);
            features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(Nd4j.create(pixels, 3, SIZE, SIZE));
            switch (target) {
                case 0 -> labels.putScalar(i, 0, a ? 1 : 0);
                case 1 -> {
                    labels.putScalar(i, 0, a ? 1 : 0);
                    labels.putScalar(i, 1, b ? 1 : 0);
                }
                default -> labels.putScalar(i, 0, topLeftBrightness(pixels));
            }
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.01)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(loss).nOut(outputs).activation(activation).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (int step = 0; step < steps; step++) {
            net.fit(features, labels);
        }
        Path file = dir.resolve(name + ".zip");
        ModelSerializer.writeModel(net, file.toFile(), false);
        return file;
    }

    static Path sigmoid;
    static Path multiLabel;
    static Path regression;
    static Path photo;

    @BeforeAll
    static void trainTheModelsAndDrawThePhoto() throws Exception {
        sigmoid = train("sigmoid", Activation.SIGMOID, LossFunctions.LossFunction.XENT, 1, 0, 60);
        multiLabel = train("multi-label", Activation.SIGMOID, LossFunctions.LossFunction.XENT, 2, 1, 60);
        regression = train("regression", Activation.IDENTITY, LossFunctions.LossFunction.MSE, 1, 2, 150);
        float[] pixels = image(new SplittableRandom(5), true, true);
        BufferedImage png = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = Math.round(255 * pixels[y * SIZE + x]);
                png.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        photo = dir.resolve("photo.png");
        ImageIO.write(png, "png", photo.toFile());
    }

    private static JsonNode explain(Path model, String out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("explain-image", "--model", model.toString(), "--image",
                photo.toString(), "--input-size", SIZE + "x" + SIZE, "--preprocess", "unit", "--segmenter", "grid",
                "--segments", "16", "--hide", "0,0,0", "--samples", "400", "--quiet", "--out", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int code = Limelight.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(Limelight.DONE, code, err.toString());
        return new ObjectMapper().readTree(dir.resolve(out).resolve("explanation.json").toFile());
    }

    /** The grid cells that lie in a quadrant of the photo. */
    private static Set<Integer> cells(boolean top, boolean left) {
        Segmentation grid = SegmenterKind.GRID.create(16).segment(ImageFiles.read(photo));
        Set<Integer> cells = new HashSet<>();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if ((y < SIZE / 2) == top && (x < SIZE / 2) == left) {
                    cells.add(grid.label(x, y));
                }
            }
        }
        return cells;
    }

    private static Set<Integer> strongest(JsonNode label, int k) {
        Set<Integer> top = new HashSet<>();
        for (int i = 0; i < k; i++) {
            top.add(label.get("weights").get(i).get("feature").asInt());
        }
        return top;
    }

    private static JsonNode label(JsonNode json, int label) {
        for (JsonNode l : json.get("labels")) {
            if (l.get("label").asInt() == label) {
                return l;
            }
        }
        throw new AssertionError("label " + label + " not explained: " + json.get("labels"));
    }

    @Test
    void aBinaryClassifierWithOneSigmoidUnitIsExplainedAsTwoClasses() throws Exception {
        JsonNode json = explain(sigmoid, "sigmoid", "--top-labels", "2");

        JsonNode positive = label(json, 1);
        assertEquals(2, json.get("labels").size());
        assertEquals(1.0, positive.get("probability").asDouble() + label(json, 0).get("probability").asDouble(), 1e-6);
        assertEquals(cells(true, true), strongest(positive, 4), "the bright top-left quadrant decides class 1");
        assertTrue(positive.get("weights").get(0).get("weight").asDouble() > 0);
    }

    @Test
    void aMultiLabelClassifierExplainsEachLabelOnItsOwnRegion() throws Exception {
        JsonNode json = explain(multiLabel, "multi-label", "--top-labels", "2");

        assertEquals(cells(true, true), strongest(label(json, 0), 4), "label 0 was planted top left");
        assertEquals(cells(false, false), strongest(label(json, 1), 4), "label 1 was planted bottom right");
    }

    @Test
    void aRegressionHeadTrainedOnARegionsBrightnessPutsItsWeightOnThatRegion() throws Exception {
        JsonNode json = explain(regression, "regression");

        JsonNode value = json.get("labels").get(0);
        assertEquals(1, json.get("labels").size());
        Set<Integer> region = cells(true, true);
        List<Integer> positive = new ArrayList<>();
        double inRegion = 0;
        double all = 0;
        for (JsonNode w : value.get("weights")) {
            double weight = w.get("weight").asDouble();
            if (weight > 0) {
                positive.add(w.get("feature").asInt());
                all += weight;
                inRegion += region.contains(w.get("feature").asInt()) ? weight : 0;
            }
        }
        assertEquals(region, new HashSet<>(positive.subList(0, 4)),
                "the 4 strongest positive cells are the region's: hiding one lowers the value; " + value.get("weights"));
        assertTrue(inRegion > 0.75 * all, "the region holds most of the positive weight: " + inRegion + " of " + all);
    }

    @Test
    void aKerasRegressionHeadIsDeclaredByItsLinearLastLayerAndExplainedAsAValue() throws Exception {
        Path keras = SharedData.require("models/keras-fixtures/cnn_batch_norm.h5");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path target = dir.resolve("keras-regression");
        int code = Limelight.run(new String[] {"explain-image", "--model", keras.toString(), "--image", photo.toString(),
            "--segmenter", "grid", "--segments", "9", "--samples", "300", "--out", target.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Limelight.DONE, code, err.toString());

        JsonNode json = new ObjectMapper().readTree(target.resolve("explanation.json").toFile());
        assertEquals("regression", json.get("outputKind").asText(), "declared by the Dense(1, linear) last layer");
        assertEquals(1, json.get("outputs").size());
        JsonNode value = json.get("labels").get(0);
        assertEquals(json.get("outputs").get(0).asDouble(), value.get("probability").asDouble(), 0);
        assertTrue(value.get("score").asDouble() > 0.5,
                "the linear surrogate explains most of the value's variation around the photo (0.84 measured): " + value);
        assertTrue(out.toString().contains("value=") && !out.toString().contains(" p="), out.toString());
    }

    @Test
    void aCounterfactualOfARegressionIsRefusedWithAReason() throws Exception {
        StringWriter err = new StringWriter();
        int code = Limelight.run(new String[] {"explain-image", "--model", regression.toString(), "--image",
            photo.toString(), "--input-size", "16x16", "--segmenter", "grid", "--segments", "16", "--samples", "50",
            "--counterfactual", "--quiet", "--out", dir.resolve("cf").toString()}, new PrintWriter(new StringWriter(),
                true), new PrintWriter(err, true));
        assertEquals(Limelight.BAD_INPUT, code);
        assertTrue(err.toString().contains("regression output has none"), err.toString());
    }

    @Test
    void anAuditOfARegressionHeadSaysItIsNotSupportedYet() {
        StringWriter err = new StringWriter();
        int code = Limelight.run(new String[] {"audit", "--model", regression.toString(), "--input-size", "16x16",
            "--data", "../examples/fashion-mnist-audit", "--out", dir.resolve("audit").toString(), "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Limelight.BAD_INPUT, code);
        assertTrue(err.toString().contains("regression output, which audits do not support yet"), err.toString());
    }
}
