package dev.limelight.studies.fashion;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.models.BundledModels;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelCard;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.calibration.CalibratedClassifier;
import dev.limelight.models.calibration.ReliabilityBins;
import dev.limelight.models.calibration.ReliabilityDiagram;
import dev.limelight.models.calibration.TemperatureFit;
import dev.limelight.models.calibration.TemperatureScaling;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.models.fashion.FashionMnistCnn;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the bundled default model, {@link FashionMnistCnn}, on Fashion-MNIST, and writes it with
 * what a fresh clone needs to explain something real: the DL4J zip with its {@link ModelCard}
 * (input 28 x 28 x 1 NCHW, preset {@code unit}, the ten class names, the fitted temperature), one
 * test image per class as PNG, and the reliability diagram of the calibration.
 *
 * <p>Steps: read the 70,000 images; shuffle them with the seed; hold out the last
 * {@link Options#testCount()} as the test split and the {@link Options#validationCount()} before
 * them for calibration; train with mini-batches drawn in a fresh seeded order each epoch; measure
 * accuracy on the test split through the same {@link NetworkImageClassifier} path the explainers
 * use; fit a temperature on the validation split and report the test ECE before and after.
 *
 * <pre>
 * java ... dev.limelight.studies.fashion.FashionMnistTraining [--data DIR] [--out DIR] [--epochs N]
 *     [--seed S] [--batch B] [--learning-rate R] [--decay D]
 * </pre>
 * Defaults: data {@code ../shared/data/fashion-mnist} (or {@code $limelight.data.dir/fashion-mnist}),
 * out {@code models/bundled}, and those of {@link Options#defaults()}. {@code models/train-fashion-mnist}
 * in the repository builds and runs it.
 */
public final class FashionMnistTraining {

    /** The model file written. */
    public static final String MODEL_FILE = BundledModels.MODEL_FILE;
    /** File name of the reliability diagram inside the output directory. */
    public static final String RELIABILITY_FILE = BundledModels.RELIABILITY_FILE;
    /** Directory of the sample test images inside the output directory. */
    public static final String IMAGES_DIR = BundledModels.IMAGES_DIR;

    private static final int EVALUATION_BATCH = 500;

    /**
     * Training settings.
     *
     * @param epochs          passes over the training split (default 5)
     * @param batchSize       images per gradient step (default 64)
     * @param learningRate    Adam's learning rate in the first epoch (default 2e-3)
     * @param decay           factor applied to the learning rate after each epoch (default 0.5)
     * @param seed            seed of the shuffle, the split, the batch order and the weights (default 42)
     * @param validationCount images held out for calibration (default 5,000)
     * @param testCount       images held out for the test accuracy (default 10,000)
     */
    public record Options(int epochs, int batchSize, double learningRate, double decay, long seed,
            int validationCount, int testCount) {

        /** @throws IllegalArgumentException if a count or the learning rate is not positive, or decay not in (0, 1] */
        public Options {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || validationCount < 1 || testCount < 1) {
                throw new IllegalArgumentException("epochs, batch size, learning rate and split sizes must be positive");
            }
            if (!(decay > 0 && decay <= 1)) {
                throw new IllegalArgumentException("learning rate decay must be in (0, 1], got " + decay);
            }
        }

        /**
         * @return 5 epochs, batch 64, learning rate 2e-3 halved after each epoch, seed 42, 5,000
         *         validation and 10,000 test images
         */
        public static Options defaults() {
            return new Options(5, 64, FashionMnistCnn.DEFAULT_LEARNING_RATE, FashionMnistCnn.DEFAULT_LEARNING_RATE_DECAY,
                    42, 5_000, 10_000);
        }
    }

    /**
     * What training produced.
     *
     * @param network            the trained network
     * @param split              which images were used for what
     * @param testAccuracy       fraction of the test split classified right
     * @param calibration        the temperature fitted on the validation split
     * @param testBefore         the test split's reliability bins, uncalibrated
     * @param testAfter          the same, calibrated with the fitted temperature
     * @param trainingSeconds    wall time of the training loop alone
     * @param trainingCpuSeconds CPU time of the whole process during the training loop (all threads;
     *                           on a shared machine, CPU time / cores estimates the wall time alone)
     */
    public record Result(MultiLayerNetwork network, FashionMnist.Split split, double testAccuracy,
            TemperatureFit calibration, ReliabilityBins testBefore, ReliabilityBins testAfter,
            double trainingSeconds, double trainingCpuSeconds) {
    }

    private FashionMnistTraining() {
    }

    /**
     * Trains, evaluates and calibrates the network.
     *
     * @param data    the images
     * @param options the settings
     * @param log     where progress goes (one line per epoch)
     * @return the trained network and its figures
     */
    public static Result train(FashionMnist data, Options options, PrintStream log) {
        FashionMnist.Split split = data.split(options.seed(), options.validationCount(), options.testCount());
        MultiLayerNetwork network = new MultiLayerNetwork(
                FashionMnistCnn.configuration(options.seed(), options.learningRate(), options.decay()));
        network.init();
        log.printf(Locale.ROOT, "training on %d images, %d validation, %d test; %d parameters; %d epochs of batch %d%n",
                split.train().length, split.validation().length, split.test().length, network.numParams(),
                options.epochs(), options.batchSize());

        Random order = new Random(options.seed() + 1);
        int[] train = split.train().clone();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double learningRate = network.getLearningRate(0);
            shuffle(train, order);
            for (int from = 0; from < train.length; from += options.batchSize()) {
                int to = Math.min(train.length, from + options.batchSize());
                network.fit(features(data, train, from, to), oneHotLabels(data, train, from, to));
            }
            network.incrementEpochCount();
            log.printf(Locale.ROOT, "epoch %d: learning rate %.2e, last batch loss %.4f, %.1f s%n", epoch,
                    learningRate, network.score(), (System.nanoTime() - epochStart) / 1e9);
        }
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        double trainingCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;

        NetworkImageClassifier classifier = classifier(network);
        int[] testLabels = labels(data, split.test());
        INDArray testProbabilities = predict(classifier, data, split.test());
        INDArray validationProbabilities = predict(classifier, data, split.validation());
        TemperatureFit fit = new TemperatureScaling().fitToProbabilities(validationProbabilities,
                labels(data, split.validation()));
        ReliabilityBins before = ReliabilityBins.of(testProbabilities, testLabels);
        ReliabilityBins after = ReliabilityBins.of(CalibratedClassifier.scale(testProbabilities, fit.temperature()),
                testLabels);
        return new Result(network, split, before.accuracy(), fit, before, after, trainingSeconds, trainingCpuSeconds);
    }

    /**
     * Writes the model zip with its card, one test image per class and the reliability diagram.
     *
     * @param result what {@link #train} produced
     * @param data   the images (for the sample PNGs)
     * @param out    the output directory (created if needed)
     * @param notes  text for the card's description
     * @param log    where the sample images' data set indices are listed
     * @throws IOException if a file cannot be written
     */
    public static void write(Result result, FashionMnist data, Path out, String notes, PrintStream log)
            throws IOException {
        Files.createDirectories(out.resolve(IMAGES_DIR));
        Path zip = out.resolve(MODEL_FILE);
        ModelSerializer.writeModel(result.network(), zip.toFile(), false);
        card(result.calibration().temperature(), notes).writeInto(zip);
        for (int k = 0; k < FashionMnist.CLASS_NAMES.size(); k++) {
            int index = firstOfClass(data, result.split().test(), k);
            ImageIO.write(image(data, index), "png", out.resolve(IMAGES_DIR).resolve(imageName(k)).toFile());
            log.printf(Locale.ROOT, "sample image %s is image %d of the data set%n", imageName(k), index);
        }
        ReliabilityDiagram.of(
                new ReliabilityDiagram.Panel("Fashion-MNIST CNN, test split, uncalibrated", result.testBefore()),
                new ReliabilityDiagram.Panel(String.format(Locale.ROOT, "calibrated, T = %.3f",
                        result.calibration().temperature()), result.testAfter()))
                .writePng(out.resolve(RELIABILITY_FILE));
    }

    /** @return the card of the bundled model */
    static ModelCard card(double temperature, String notes) {
        return new ModelCard("fashion-mnist-cnn", new ImageInput(FashionMnist.SIZE, FashionMnist.SIZE, 1,
                ImageLayout.NCHW), Preprocessing.UNIT, FashionMnist.CLASS_NAMES, temperature, notes);
    }

    /**
     * @param k a class index
     * @return the file name of the sample image of class k: its index and name, e.g. "0-t-shirt-top.png"
     */
    public static String imageName(int k) {
        return BundledModels.sampleImageName(k);
    }

    private static NetworkImageClassifier classifier(MultiLayerNetwork network) {
        return ImageModels.wrap(network, ModelOptions.builder().name("fashion-mnist-cnn")
                .inputSize(FashionMnist.SIZE, FashionMnist.SIZE).preprocessing(Preprocessing.UNIT)
                .classNames(FashionMnist.CLASS_NAMES).build());
    }

    private static INDArray predict(NetworkImageClassifier classifier, FashionMnist data, int[] indices) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < indices.length; from += EVALUATION_BATCH) {
            int to = Math.min(indices.length, from + EVALUATION_BATCH);
            parts.add(classifier.predict(pixels(data, indices, from, to)));
        }
        return Nd4j.vstack(parts.toArray(new INDArray[0]));
    }

    /** Pixels in [0, 255], NCHW [to - from, 1, 28, 28]. */
    private static INDArray pixels(FashionMnist data, int[] indices, int from, int to) {
        int size = FashionMnist.SIZE * FashionMnist.SIZE;
        float[] values = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            data.copyPixels(indices[i], values, (i - from) * size);
        }
        return Nd4j.create(values, new long[] {to - from, 1, FashionMnist.SIZE, FashionMnist.SIZE}, DataType.FLOAT);
    }

    /** Training features: the same pixels through the same {@code unit} preset as at inference. */
    private static INDArray features(FashionMnist data, int[] indices, int from, int to) {
        return Preprocessing.UNIT.applyInPlace(pixels(data, indices, from, to), ImageLayout.NCHW);
    }

    private static INDArray oneHotLabels(FashionMnist data, int[] indices, int from, int to) {
        int classes = FashionMnist.CLASS_NAMES.size();
        float[] values = new float[(to - from) * classes];
        for (int i = from; i < to; i++) {
            values[(i - from) * classes + data.label(indices[i])] = 1f;
        }
        return Nd4j.create(values, new long[] {to - from, classes}, DataType.FLOAT);
    }

    private static int[] labels(FashionMnist data, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = data.label(indices[i]);
        }
        return labels;
    }

    private static int firstOfClass(FashionMnist data, int[] indices, int k) {
        for (int index : indices) {
            if (data.label(index) == k) {
                return index;
            }
        }
        throw new IllegalStateException("the test split holds no image of class " + k);
    }

    private static BufferedImage image(FashionMnist data, int index) {
        BufferedImage image = new BufferedImage(FashionMnist.SIZE, FashionMnist.SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < FashionMnist.SIZE; y++) {
            for (int x = 0; x < FashionMnist.SIZE; x++) {
                image.getRaster().setSample(x, y, 0, data.images().pixel(index, y, x));
            }
        }
        return image;
    }

    /** @return the CPU time of this process so far (all threads), or 0 where the JVM cannot tell */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * Trains the bundled model and writes it.
     *
     * @param args [--data DIR] [--out DIR] [--epochs N] [--seed S] [--batch B] [--learning-rate R] [--decay D]
     * @throws IOException if the data cannot be read or the outputs written
     */
    public static void main(String[] args) throws IOException {
        Options defaults = Options.defaults();
        String shared = System.getProperty("limelight.data.dir");
        Path data = shared == null ? null : Path.of(shared).resolve("fashion-mnist");
        Path out = Path.of("models/bundled");
        int epochs = defaults.epochs();
        long seed = defaults.seed();
        int batch = defaults.batchSize();
        double learningRate = defaults.learningRate();
        double decay = defaults.decay();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(require(value, args[i]));
                case "--out" -> out = Path.of(require(value, args[i]));
                case "--epochs" -> epochs = Integer.parseInt(require(value, args[i]));
                case "--seed" -> seed = Long.parseLong(require(value, args[i]));
                case "--batch" -> batch = Integer.parseInt(require(value, args[i]));
                case "--learning-rate" -> learningRate = Double.parseDouble(require(value, args[i]));
                case "--decay" -> decay = Double.parseDouble(require(value, args[i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --data DIR --out DIR --epochs N --seed S --batch B --learning-rate R --decay D");
            }
            i++;
        }
        Options options = new Options(epochs, batch, learningRate, decay, seed, defaults.validationCount(),
                defaults.testCount());
        long start = System.nanoTime();
        if (data == null) {
            throw new IllegalArgumentException("name the Fashion-MNIST folder with --data DIR or -Dlimelight.data.dir=DIR");
        }
        FashionMnist fashion = FashionMnist.read(data);
        Result result = train(fashion, options, System.out);
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        String summary = String.format(Locale.ROOT,
                "test accuracy %.2f %% on %d held-out images; training %.0f s wall, %.0f CPU-s (%d epochs, batch %d, learning rate"
                        + " %.1e x %.2f per epoch, seed %d) on %d cores; calibration %s; test ECE %.2f %% -> %.2f %%",
                100 * result.testAccuracy(), result.split().test().length, result.trainingSeconds(),
                result.trainingCpuSeconds(), epochs, batch,
                learningRate, decay, seed, Runtime.getRuntime().availableProcessors(), result.calibration(),
                100 * result.testBefore().expectedCalibrationError(),
                100 * result.testAfter().expectedCalibrationError());
        write(result, fashion, out, "Small CNN trained by FashionMnistTraining on Fashion-MNIST (Zalando SE, MIT): "
                + summary, System.out);
        System.out.println(summary);
        System.out.printf(Locale.ROOT, "total wall time %.0f s; wrote %s, %s and %s/%n", totalSeconds,
                out.resolve(MODEL_FILE), out.resolve(RELIABILITY_FILE), out.resolve(IMAGES_DIR));
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
