package dev.limelight.models.calibration;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Temperature scaling judged on images it was not fitted on: the labelled images are dealt into
 * {@code folds} folds (seeded), each fold's probabilities are scaled by the temperature fitted on the
 * other folds, and the expected calibration error (15 bins) of those out-of-fold probabilities is
 * set against the error before, with 95 % bootstrap intervals over the same resamples. What
 * {@code limelight audit --calibrate} reports: unlike {@link CalibrationFile}'s {@code eceAfter},
 * measured on the fitting images, this one can come out worse than before.
 *
 * @param folds             the folds
 * @param images            the labelled images
 * @param temperature       the temperature fitted on all of them (what a calibration file would hold)
 * @param foldTemperatures  the temperature fitted without each fold
 * @param eceBefore         the expected calibration error before
 * @param eceAfter          the same of the out-of-fold calibrated probabilities
 * @param eceBeforeInterval 95 % bootstrap interval of {@code eceBefore}
 * @param eceAfterInterval  95 % bootstrap interval of {@code eceAfter}
 */
public record CrossFittedTemperature(int folds, int images, double temperature, double[] foldTemperatures,
                                     double eceBefore, double eceAfter, double[] eceBeforeInterval,
                                     double[] eceAfterInterval) {

    /** The folds {@code audit --calibrate} deals. */
    public static final int DEFAULT_FOLDS = 5;

    /** Copies the arrays. */
    public CrossFittedTemperature {
        foldTemperatures = foldTemperatures.clone();
        eceBeforeInterval = eceBeforeInterval.clone();
        eceAfterInterval = eceAfterInterval.clone();
    }

    @Override
    public double[] foldTemperatures() {
        return foldTemperatures.clone();
    }

    @Override
    public double[] eceBeforeInterval() {
        return eceBeforeInterval.clone();
    }

    @Override
    public double[] eceAfterInterval() {
        return eceAfterInterval.clone();
    }

    /**
     * @param probabilities N x K probabilities of labelled images
     * @param labels        the true class of each row
     * @param folds         at least 2
     * @param seed          seed of the folds and the bootstrap
     * @return the cross-fitted calibration
     * @throws IllegalArgumentException for fewer than two images a fold, or rows and labels that do not match
     */
    public static CrossFittedTemperature fit(INDArray probabilities, int[] labels, int folds, long seed) {
        int n = labels.length;
        if (folds < 2 || n < 2 * folds) {
            throw new IllegalArgumentException("cross-fitting a temperature over " + folds + " folds needs at least "
                    + 2 * Math.max(folds, 2) + " labelled images, got " + n);
        }
        if (probabilities.rows() != n) {
            throw new IllegalArgumentException(probabilities.rows() + " rows of probabilities for " + n + " labels");
        }
        List<Integer> order = IntStream.range(0, n).boxed().collect(Collectors.toList());
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int k = 0; k < n; k++) {
            fold[order.get(k)] = k % folds;
        }
        TemperatureScaling scaling = new TemperatureScaling();
        INDArray outOfFold = probabilities.dup();
        double[] temperatures = new double[folds];
        for (int f = 0; f < folds; f++) {
            int[] train = rowsWhere(fold, f, false);
            int[] test = rowsWhere(fold, f, true);
            temperatures[f] = scaling.fitToProbabilities(rows(probabilities, train), pick(labels, train)).temperature();
            INDArray scaled = CalibratedClassifier.scale(rows(probabilities, test), temperatures[f]);
            for (int k = 0; k < test.length; k++) {
                outOfFold.putRow(test[k], scaled.getRow(k));
            }
        }
        double all = scaling.fitToProbabilities(probabilities, labels).temperature();
        double[][] intervals = CalibrationFile.bootstrapIntervals(Outcomes.of(probabilities, labels),
                Outcomes.of(outOfFold, labels), seed);
        return new CrossFittedTemperature(folds, n, all, temperatures,
                ReliabilityBins.of(probabilities, labels).expectedCalibrationError(),
                ReliabilityBins.of(outOfFold, labels).expectedCalibrationError(), intervals[0], intervals[1]);
    }

    private static int[] rowsWhere(int[] fold, int f, boolean in) {
        return IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
    }

    private static INDArray rows(INDArray matrix, int[] rows) {
        return matrix.get(NDArrayIndex.indices(Arrays.stream(rows).mapToLong(i -> i).toArray()), NDArrayIndex.all());
    }

    private static int[] pick(int[] values, int[] rows) {
        return Arrays.stream(rows).map(i -> values[i]).toArray();
    }
}
