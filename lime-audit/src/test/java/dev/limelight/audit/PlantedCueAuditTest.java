package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.image.HideMode;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The husky-vs-wolf situation in miniature: a real DL4J CNN is trained on images where a bright
 * corner patch always comes with class "patched" (the class's own, faint, vertical stripes are
 * the real signal). The audit must show the patch: SP-LIME's picked explanations of "patched"
 * predictions put the corner cell first, and it is the globally most important cell.
 */
class PlantedCueAuditTest {

    private static final int SIZE = 28;
    private static final List<String> CLASSES = List.of("plain", "patched");

    @TempDir
    static Path dir;
    private static NetworkImageClassifier model;

    static float[] image(SplittableRandom random, boolean patched) {
        float[] pixels = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double stripes = patched ? 25 * Math.sin(x * 1.4) : 25 * Math.sin(y * 1.4);
                pixels[y * SIZE + x] = (float) Math.max(0, Math.min(255, 100 + stripes + 40 * random.nextGaussian()));
            }
        }
        if (patched) {
            for (int y = 1; y < 6; y++) {
                for (int x = 1; x < 6; x++) {
                    pixels[y * SIZE + x] = 255;
                }
            }
        }
        return pixels;
    }

    @BeforeAll
    static void trainAModelWithAShortcutAndWriteATestFolder() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        int n = 1200;
        INDArray features = Nd4j.create(n, 1, SIZE, SIZE);
        INDArray labels = Nd4j.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            boolean patched = i % 2 == 1;
            features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(
                    Nd4j.create(image(random, patched), new long[] {1, SIZE, SIZE}).div(255));
            labels.putScalar(i, patched ? 1 : 0, 1.0);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(2e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        DataSet all = new DataSet(features, labels);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (DataSet batch : all.batchBy(64)) {
                network.fit(batch);
            }
        }
        model = ImageModels.wrap(network, ModelOptions.builder().preprocessing(Preprocessing.UNIT).inputSize(SIZE, SIZE)
                .classNames(CLASSES).name("planted-cue cnn").build());

        for (String c : CLASSES) {
            Files.createDirectories(dir.resolve("data").resolve(c));
        }
        SplittableRandom test = new SplittableRandom(99);
        for (int i = 0; i < 24; i++) {
            boolean patched = i % 2 == 1;
            float[] pixels = image(test, patched);
            BufferedImage png = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < pixels.length; p++) {
                png.getRaster().setSample(p % SIZE, p / SIZE, 0, Math.round(pixels[p]));
            }
            ImageIO.write(png, "png", dir.resolve("data").resolve(CLASSES.get(patched ? 1 : 0)).resolve(i + ".png").toFile());
        }
    }

    @Test
    void thePickedExplanationsPutThePlantedPatchFirst() throws Exception {
        LabelledFolder folder = LabelledFolder.read(dir.resolve("data"), model.classNames());
        AuditResult result = new ImageAudit(AuditOptions.builder().budget(4).explained(12).samples(200)
                .hideMode(HideMode.constant(0, 0, 0)).build()).run(folder, model, "planted-cue cnn");

        assertEquals(24, folder.images().size());
        assertTrue(result.metrics().accuracy() > 0.9, "the shortcut works on data that has it: " + result.metrics().accuracy());
        int patchedPicks = 0;
        for (int i : result.pickedImages()) {
            var top = result.explanations().get(i).top();
            if (top.label() == 1) {
                patchedPicks++;
                assertEquals(0, top.surrogate().weights().get(0).feature(),
                        "the corner cell drives the 'patched' prediction of " + folder.images().get(i).path());
            }
        }
        assertTrue(patchedPicks >= 1, "SP-LIME picks at least one 'patched' explanation");
        Map<Integer, Double> importance = result.cellImportance();
        int mostImportant = importance.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(0, mostImportant, "the patch's cell is the most important overall: " + importance);

        // Kept in target/ so that CI can open the report in a browser (.ci/run).
        Path out = Path.of("target", "planted-cue-audit");
        Path report = AuditReport.write(result, out);
        JsonNode json = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertEquals(4, json.get("pickedExplanations").size());
        assertEquals(2, json.get("classes").size());
        assertTrue(Files.readString(report).contains("SP-LIME"));
    }

    @Test
    void folderClassesAreMatchedToTheModelsClassNames() throws Exception {
        LabelledFolder folder = LabelledFolder.read(dir.resolve("data"), List.of("patched", "plain"));
        LabelledImage first = folder.images().stream().filter(i -> i.className().equals("plain")).findFirst().orElseThrow();
        assertEquals(1, first.classIndex());
    }
}
