package dev.limelight.studies.calibration;

import dev.limelight.core.ProgressListener;
import dev.limelight.image.PhotoBatch;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.calibration.CalibratedClassifier;
import dev.limelight.models.calibration.ReliabilityBins;
import dev.limelight.models.calibration.TemperatureScaling;
import dev.limelight.models.calibration.VectorScaling;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainedModel;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Does a richer calibration than one temperature pay? Temperature scaling against vector scaling
 * (a scale and a bias per class on the log-probabilities), each fitted on four fifths of held-out
 * Fashion-MNIST images and measured on the fifth it did not see (5 folds), for the bundled CNN and
 * for over-confident CNNs (the bundled architecture trained 40 epochs on 3,000 images and 80 epochs on
 * 750, no decay, a quarter of each training set held out for its model card's temperature).
 *
 * <pre>studies/run dev.limelight.studies.calibration.CalibrationMethodsStudy OUT [IMAGES]</pre>
 *
 * Prints, per model and method, out-of-fold accuracy, NLL and ECE (15 bins) with 95 % percentile
 * bootstrap intervals over images (200 resamples). Trained models are kept in OUT and reused.
 */
public final class CalibrationMethodsStudy {

    private static final int FOLDS = 5;
    private static final int RESAMPLES = 200;

    private CalibrationMethodsStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/calibration-methods");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Files.createDirectories(out);
        Path data = Path.of(System.getProperty("limelight.data.dir", "../shared/data"));
        FashionMnist fashion = FashionMnist.read(data.resolve("fashion-mnist"));
        FashionMnist.Split split = fashion.split(42, 5000, 10_000);
        int[] test = Arrays.copyOf(split.test(), count);
        TrainingImages testImages = FashionImages.of(fashion, test);
        int[] labels = testImages.labels();
        ModelOptions options = ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .inputSize(FashionMnist.SIZE, FashionMnist.SIZE).classNames(FashionMnist.CLASS_NAMES).build();

        List<String> names = new ArrayList<>();
        List<NetworkImageClassifier> models = new ArrayList<>();
        names.add("bundled CNN");
        models.add(ImageModels.load(Path.of("models/bundled/fashion-mnist-cnn.zip"), options));
        int[][] recipes = {{40, 4000}, {80, 1000}};
        for (int[] recipe : recipes) {
            String name = "CNN, " + recipe[0] + " epochs on " + recipe[1] * 3 / 4 + " images";
            Path zip = out.resolve("cnn-" + recipe[0] + "x" + recipe[1] + ".zip");
            if (!Files.exists(zip)) {
                long t0 = System.nanoTime();
                TrainedModel trained = ImageTrainer.train(name, FashionImages.of(fashion, Arrays.copyOf(split.train(), recipe[1])),
                        new TrainingOptions(recipe[0], 64, 2e-3, 1.0, 42, 0.25), ProgressListener.NONE);
                TrainedModel.writeModel(trained.network(), trained.card(), zip);
                System.out.printf(Locale.ROOT, "trained %s in %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
            }
            names.add(name);
            models.add(ImageModels.load(zip, options));
        }
        System.out.printf(Locale.ROOT, "%d Fashion-MNIST test images, %d folds, %d bootstrap resamples%n%n",
                labels.length, FOLDS, RESAMPLES);
        System.out.println("| model | method | accuracy | NLL | ECE (95 % interval) |");
        System.out.println("|---|---|---:|---:|---|");
        for (int m = 0; m < models.size(); m++) {
            INDArray p = models.get(m).predict(PhotoBatch.of(testImages.images(), models.get(m).input()));
            INDArray temperature = crossFit(p, labels, true);
            INDArray vector = crossFit(p, labels, false);
            row(names.get(m), "none", p, labels);
            row(names.get(m), "temperature", temperature, labels);
            row(names.get(m), "vector scaling", vector, labels);
        }
    }

    /** Out-of-fold calibrated probabilities: each fold by the map fitted on the other folds. */
    private static INDArray crossFit(INDArray p, int[] labels, boolean temperature) {
        int n = labels.length;
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(7));
        int[] fold = new int[n];
        for (int k = 0; k < n; k++) {
            fold[order.get(k)] = k % FOLDS;
        }
        INDArray outOfFold = p.dup();
        for (int f = 0; f < FOLDS; f++) {
            int current = f;
            int[] train = IntStream.range(0, n).filter(i -> fold[i] != current).toArray();
            int[] held = IntStream.range(0, n).filter(i -> fold[i] == current).toArray();
            INDArray trainP = rows(p, train);
            int[] trainLabels = Arrays.stream(train).map(i -> labels[i]).toArray();
            INDArray calibrated = temperature
                    ? CalibratedClassifier.scale(rows(p, held),
                            new TemperatureScaling().fitToProbabilities(trainP, trainLabels).temperature())
                    : VectorScaling.fit(trainP, trainLabels).apply(rows(p, held));
            for (int k = 0; k < held.length; k++) {
                outOfFold.putRow(held[k], calibrated.getRow(k));
            }
        }
        return outOfFold;
    }

    private static void row(String model, String method, INDArray p, int[] labels) {
        double[][] rows = p.toDoubleMatrix();
        int n = labels.length;
        double[] confidence = new double[n];
        boolean[] right = new boolean[n];
        double nll = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int a = 1; a < rows[i].length; a++) {
                best = rows[i][a] > rows[i][best] ? a : best;
            }
            confidence[i] = rows[i][best];
            right[i] = best == labels[i];
            nll -= Math.log(Math.max(1e-12, rows[i][labels[i]]));
        }
        double ece = ReliabilityBins.of(confidence, right, ReliabilityBins.DEFAULT_BINS).expectedCalibrationError();
        Random random = new Random(11);
        double[] resampled = new double[RESAMPLES];
        double[] c = new double[n];
        boolean[] r = new boolean[n];
        for (int s = 0; s < RESAMPLES; s++) {
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                c[i] = confidence[j];
                r[i] = right[j];
            }
            resampled[s] = ReliabilityBins.of(c, r, ReliabilityBins.DEFAULT_BINS).expectedCalibrationError();
        }
        Arrays.sort(resampled);
        long correct = IntStream.range(0, n).filter(i -> right[i]).count();
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f (%.4f-%.4f) |%n", model, method,
                correct / (double) n, nll / n, ece, resampled[(int) (0.025 * RESAMPLES)],
                resampled[(int) (0.975 * RESAMPLES) - 1]);
    }

    private static INDArray rows(INDArray matrix, int[] rows) {
        return matrix.get(NDArrayIndex.indices(Arrays.stream(rows).mapToLong(i -> i).toArray()), NDArrayIndex.all());
    }
}
