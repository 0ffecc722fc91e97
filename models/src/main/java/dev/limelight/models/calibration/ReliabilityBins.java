package dev.limelight.models.calibration;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classifier's predictions grouped by confidence (the largest probability of a row) into B
 * equal-width bins over [0, 1] (Naeini, Cooper, Hauskrecht, AAAI 2015; Guo et al., ICML 2017): per
 * bin, how many predictions fell in it, their mean confidence and their accuracy (the predicted
 * class is the arg max, ties to the lower index). Bin b holds confidences in (b / B, (b + 1) / B],
 * bin 0 also 0. The expected calibration error is the count-weighted mean gap between accuracy and
 * confidence:
 *
 * <pre>ECE = sum over bins of (n_b / N) |accuracy_b - confidence_b|</pre>
 *
 * <p>Immutable.
 */
public final class ReliabilityBins {

    /** Default number of bins: 15, as in Guo et al. and "Calibrate to Interpret". */
    public static final int DEFAULT_BINS = 15;

    private final int[] counts;
    private final double[] confidenceSums;
    private final int[] correct;
    private final int total;

    private ReliabilityBins(int[] counts, double[] confidenceSums, int[] correct, int total) {
        this.counts = counts;
        this.confidenceSums = confidenceSums;
        this.correct = correct;
        this.total = total;
    }

    /**
     * Bins predictions into {@value #DEFAULT_BINS} bins.
     *
     * @param probabilities N x K probabilities
     * @param labels        the true class of each row
     * @return the bins
     */
    public static ReliabilityBins of(INDArray probabilities, int[] labels) {
        return of(probabilities, labels, DEFAULT_BINS);
    }

    /**
     * Bins predictions.
     *
     * @param probabilities N x K probabilities
     * @param labels        the true class of each row
     * @param bins          the number of equal-width bins B, at least 1
     * @return the bins
     * @throws IllegalArgumentException if shapes or labels do not match, or a value is not a probability
     */
    public static ReliabilityBins of(INDArray probabilities, int[] labels, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        Outcomes outcomes = Outcomes.of(probabilities, labels);
        return of(outcomes.confidence(), outcomes.right(), bins);
    }

    /**
     * Bins predictions given by their confidence (the top probability) and whether they were right.
     *
     * @param confidence each prediction's confidence, in [0, 1]
     * @param right      whether each prediction was right
     * @param bins       the number of equal-width bins B, at least 1
     * @return the bins
     */
    public static ReliabilityBins of(double[] confidence, boolean[] right, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        if (confidence.length != right.length) {
            throw new IllegalArgumentException(confidence.length + " confidences but " + right.length + " outcomes");
        }
        int[] counts = new int[bins];
        double[] confidenceSums = new double[bins];
        int[] correct = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = binOf(confidence[i], bins);
            counts[b]++;
            confidenceSums[b] += confidence[i];
            if (right[i]) {
                correct[b]++;
            }
        }
        return new ReliabilityBins(counts, confidenceSums, correct, confidence.length);
    }

    /** The bin of a confidence: the first b with confidence <= (b + 1) / B. */
    static int binOf(double confidence, int bins) {
        for (int b = 0; b < bins - 1; b++) {
            if (confidence <= (b + 1) / (double) bins) {
                return b;
            }
        }
        return bins - 1;
    }

    /** @return B, the number of bins */
    public int binCount() {
        return counts.length;
    }

    /** @return N, the number of predictions binned */
    public int sampleCount() {
        return total;
    }

    /** @return the lower (excluded) edge of bin b, b / B */
    public double lowerEdge(int b) {
        return b / (double) counts.length;
    }

    /** @return the upper (included) edge of bin b, (b + 1) / B */
    public double upperEdge(int b) {
        return (b + 1) / (double) counts.length;
    }

    /** @return how many predictions fell in bin b */
    public int count(int b) {
        return counts[b];
    }

    /** @return the mean confidence in bin b (NaN if it is empty) */
    public double meanConfidence(int b) {
        return counts[b] == 0 ? Double.NaN : confidenceSums[b] / counts[b];
    }

    /** @return the fraction of right predictions in bin b (NaN if it is empty) */
    public double accuracy(int b) {
        return counts[b] == 0 ? Double.NaN : correct[b] / (double) counts[b];
    }

    /** @return the fraction of right predictions overall */
    public double accuracy() {
        int right = 0;
        for (int c : correct) {
            right += c;
        }
        return right / (double) total;
    }

    /** @return the expected calibration error: sum over bins of (n_b / N) |accuracy_b - confidence_b| */
    public double expectedCalibrationError() {
        double ece = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                ece += counts[b] / (double) total * Math.abs(accuracy(b) - meanConfidence(b));
            }
        }
        return ece;
    }

    /** @return the maximum calibration error: the largest |accuracy_b - confidence_b| over non-empty bins */
    public double maximumCalibrationError() {
        double mce = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                mce = Math.max(mce, Math.abs(accuracy(b) - meanConfidence(b)));
            }
        }
        return mce;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d predictions in %d bins: accuracy %.4f, ECE %.4f, MCE %.4f", total,
                counts.length, accuracy(), expectedCalibrationError(), maximumCalibrationError());
    }
}
