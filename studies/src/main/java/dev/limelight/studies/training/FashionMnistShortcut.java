package dev.limelight.studies.training;

import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.RasterImage;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.models.fashion.FashionMnistCnn;
import dev.limelight.training.LimeTrainingListener;
import dev.limelight.training.Probe;
import dev.limelight.training.RelianceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the bundled Fashion-MNIST CNN architecture twice on real Fashion-MNIST: once with a planted
 * shortcut (a bright 4 x 4 patch in the top-left corner of every training image of one class) and
 * once without (the control). A {@link LimeTrainingListener} watches test images of that class,
 * shown with the patch, and reports per epoch how much of their explanation falls on the patch.
 *
 * <p>Run: {@code studies/run dev.limelight.studies.training.FashionMnistShortcut [OUT_DIR] [train images]
 * [epochs]} (defaults out/training-demo, 12000, 3).
 */
public final class FashionMnistShortcut {

    /** The class that always comes with the patch in training: 0, T-shirt/top. */
    static final int CUE_CLASS = 0;
    static final int PATCH = 4;

    private FashionMnistShortcut() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/training-demo");
        int trainCount = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        FashionMnist data = FashionMnist.read(Path.of(System.getProperty("limelight.data.dir"), "fashion-mnist"));
        FashionMnist.Split split = data.split(42, 5000, 10_000);
        int[] train = java.util.Arrays.copyOf(split.train(), trainCount);
        int[] evaluation = java.util.Arrays.copyOf(split.test(), 2000);
        List<Probe> probes = new ArrayList<>();
        for (int i : split.test()) {
            if (data.label(i) == CUE_CLASS && probes.size() < 3) {
                probes.add(Probe.withIgnoredRectangle("test " + i, image(data, i, true), CUE_CLASS, 0, 0, PATCH + 2, PATCH + 2));
            }
        }
        System.out.printf(Locale.ROOT, "Fashion-MNIST, %d training images, %d epochs; the patch comes with class %d (%s)%n",
                trainCount, epochs, CUE_CLASS, FashionMnist.CLASS_NAMES.get(CUE_CLASS));
        for (boolean planted : new boolean[] {true, false}) {
            MultiLayerNetwork net = new MultiLayerNetwork(FashionMnistCnn.configuration(42, FashionMnistCnn.DEFAULT_LEARNING_RATE,
                    FashionMnistCnn.DEFAULT_LEARNING_RATE_DECAY));
            net.init();
            ModelOptions options = ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                    .inputSize(FashionMnist.SIZE, FashionMnist.SIZE).classNames(FashionMnist.CLASS_NAMES).build();
            LimeTrainingListener watch = LimeTrainingListener.builder(n -> ImageModels.wrap(n, options))
                    .probes(probes).explainer(ImageExplainerOptions.builder().samples(200)
                            .hideMode(HideMode.constant(0, 0, 0)).build())
                    .evaluation(iterator(data, evaluation, false)).build();
            watch.checkpoint(net);
            DataSet all = dataSet(data, train, planted);
            long start = System.nanoTime();
            for (int epoch = 0; epoch < epochs; epoch++) {
                all.shuffle(epoch);
                for (DataSet batch : all.batchBy(64)) {
                    net.fit(batch);
                }
                watch.onEpochEnd(net);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String name = planted ? "shortcut" : "control";
            watch.writeReport(out.resolve(name));
            System.out.printf(Locale.ROOT, "%s model (%s): %.0f s, listener %.1f s (%.1f %% of the wall time)%n", name,
                    planted ? "patch planted" : "no patch", seconds, watch.listenerMillis() / 1000,
                    100 * watch.listenerShare());
            System.out.printf(Locale.ROOT, "  %5s %14s %22s%n", "epoch", "test accuracy", "share on the patch");
            for (int epoch = 0; epoch <= epochs; epoch++) {
                final int e = epoch;
                List<RelianceRecord> at = watch.records().stream().filter(r -> r.epoch() == e).toList();
                double share = at.stream().mapToDouble(RelianceRecord::ignoredShare).average().orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "  %5d %14.4f %22.3f%n", epoch, at.get(0).accuracy(), share);
            }
        }
        System.out.println("wrote " + out.resolve("shortcut/report.html") + " and " + out.resolve("control/report.html"));
    }

    static RasterImage image(FashionMnist data, int i, boolean patch) {
        float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
        data.copyPixels(i, pixels, 0);
        if (patch) {
            plant(pixels, 0);
        }
        return new RasterImage(FashionMnist.SIZE, FashionMnist.SIZE, 1, pixels);
    }

    private static void plant(float[] pixels, int offset) {
        for (int y = 1; y < 1 + PATCH; y++) {
            for (int x = 1; x < 1 + PATCH; x++) {
                pixels[offset + y * FashionMnist.SIZE + x] = 255;
            }
        }
    }

    private static DataSet dataSet(FashionMnist data, int[] indices, boolean planted) {
        int size = FashionMnist.SIZE * FashionMnist.SIZE;
        float[] pixels = new float[indices.length * size];
        INDArray labels = Nd4j.zeros(indices.length, 10);
        for (int k = 0; k < indices.length; k++) {
            data.copyPixels(indices[k], pixels, k * size);
            if (planted && data.label(indices[k]) == CUE_CLASS) {
                plant(pixels, k * size);
            }
            labels.putScalar(k, data.label(indices[k]), 1.0);
        }
        INDArray features = Nd4j.create(pixels, new long[] {indices.length, 1, FashionMnist.SIZE, FashionMnist.SIZE}, 'c')
                .divi(255);
        return new DataSet(features, labels);
    }

    private static DataSetIterator iterator(FashionMnist data, int[] indices, boolean planted) {
        return new SingletonDataSetIterator(dataSet(data, indices, planted));
    }
}
