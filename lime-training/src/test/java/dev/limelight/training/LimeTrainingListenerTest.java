package dev.limelight.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.RasterImage;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.Preprocessing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A model trained where a bright corner patch always comes with class 1 learns the patch, and the
 * listener sees its reliance on the patch rise; a model trained without the patch does not rely
 * on it.
 */
class LimeTrainingListenerTest {

    private static final int SIZE = 28;

    static float[] image(SplittableRandom random, int label, boolean patch) {
        float[] pixels = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double stripes = label == 1 ? 15 * Math.sin(x * 1.4) : 15 * Math.sin(y * 1.4);
                pixels[y * SIZE + x] = (float) Math.max(0, Math.min(255, 90 + stripes + 40 * random.nextGaussian()));
            }
        }
        if (patch) {
            for (int y = 1; y < 6; y++) {
                for (int x = 1; x < 6; x++) {
                    pixels[y * SIZE + x] = 255;
                }
            }
        }
        return pixels;
    }

    private static DataSet data(boolean plantPatch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1000;
        INDArray features = Nd4j.create(n, 1, SIZE, SIZE);
        INDArray labels = Nd4j.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            features.get(NDArrayIndex.point(i)).assign(Nd4j.create(image(random, label, plantPatch && label == 1),
                    new long[] {1, SIZE, SIZE}).div(255));
            labels.putScalar(i, label, 1.0);
        }
        return new DataSet(features, labels);
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(2e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static LimeTrainingListener watch(ReliancePolicy policy) {
        float[] pixels = image(new SplittableRandom(77), 1, true);
        Probe probe = Probe.withIgnoredRectangle("patched", new RasterImage(SIZE, SIZE, 1, pixels), 1, 0, 0, 7, 7);
        ModelOptions options = ModelOptions.builder().preprocessing(Preprocessing.UNIT).inputSize(SIZE, SIZE).build();
        return LimeTrainingListener.builder(net -> ImageModels.wrap(net, options)).probes(List.of(probe))
                .explainer(ImageExplainerOptions.builder().samples(150).hideMode(HideMode.constant(0, 0, 0)).build())
                .policy(policy).build();
    }

    private static void train(MultiLayerNetwork net, DataSet data, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (DataSet batch : data.batchBy(50)) {
                net.fit(batch);
            }
            for (var listener : net.getListeners()) {
                listener.onEpochEnd(net);
            }
        }
    }

    @Test
    void theListenerSeesTheRelianceOnAPlantedPatchRiseAndAControlModelShowsNone() throws Exception {
        MultiLayerNetwork shortcut = network();
        LimeTrainingListener watch = watch(ReliancePolicy.NONE);
        watch.checkpoint(shortcut);
        shortcut.setListeners(watch);
        train(shortcut, data(true, 1), 3);

        List<RelianceRecord> records = watch.records();
        assertEquals(4, records.size(), "a baseline and one checkpoint per epoch");
        double before = records.get(0).ignoredShare();
        double after = records.get(records.size() - 1).ignoredShare();

        MultiLayerNetwork control = network();
        LimeTrainingListener controlWatch = watch(ReliancePolicy.NONE);
        control.setListeners(controlWatch);
        train(control, data(false, 1), 3);
        double controlShare = controlWatch.records().get(controlWatch.records().size() - 1).ignoredShare();
        assertTrue(after > 0.6 && after > before + 0.2, "reliance on the patch rises: " + before + " -> " + after);
        assertTrue(controlShare < 0.3, "a model trained without the patch does not rely on it: " + controlShare);

        // Kept in target/ so that CI can open the report in a browser (.ci/run).
        Path dir = Path.of("target", "planted-shortcut-watch");
        watch.writeReport(dir);
        assertTrue(Files.readString(dir.resolve("reliance.csv")).lines().count() == 5);
        assertTrue(Files.exists(dir.resolve("reliance.png")));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("data:image/png;base64,"));
    }

    @Test
    void theStopPolicyEndsTrainingOnceTheShortcutIsLearned() {
        MultiLayerNetwork shortcut = network();
        LimeTrainingListener watch = watch(ReliancePolicy.stopAbove(0.5));
        shortcut.setListeners(watch);

        RelianceExceededException e = assertThrows(RelianceExceededException.class,
                () -> train(shortcut, data(true, 2), 5));
        assertTrue(watch.shouldStop());
        assertTrue(e.record().ignoredShare() > 0.5, e.getMessage());
        assertTrue(watch.records().size() < 5, "stopped before the last epoch");
    }

    @Test
    void theListenerKeepsOnlyTheMostRecentOverlaysAndExplainsWithTheOptionsItIsGiven() {
        float[] pixels = image(new SplittableRandom(77), 1, true);
        Probe probe = Probe.withIgnoredRectangle("patched", new RasterImage(SIZE, SIZE, 1, pixels), 1, 0, 0, 7, 7);
        ModelOptions options = ModelOptions.builder().preprocessing(Preprocessing.UNIT).inputSize(SIZE, SIZE).build();
        LimeTrainingListener watch = LimeTrainingListener.builder(net -> ImageModels.wrap(net, options))
                .probes(List.of(probe)).keptOverlays(2)
                .explainer(ImageExplainerOptions.builder().samples(40).stability(2, 3).build()).build();
        MultiLayerNetwork net = network();

        for (int i = 0; i < 3; i++) {
            watch.checkpoint(net);
        }

        assertEquals(3, watch.records().size());
        assertEquals(2, watch.overlays().get("patched").size(), "only the last 2 overlays are kept");
        assertFalse(Double.isNaN(watch.records().get(0).stability()), "stability from the explainer options");
    }
}
