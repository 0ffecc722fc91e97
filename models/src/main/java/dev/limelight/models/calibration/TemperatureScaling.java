package dev.limelight.models.calibration;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fits the temperature T of temperature scaling (Guo, Pleiss, Sun, Weinberger, "On Calibration of
 * Modern Neural Networks", ICML 2017; used before explaining in Scafarto et al., "Calibrate to
 * Interpret", ECML-PKDD 2022): the calibrated probabilities are softmax(s / T), s the logits or
 * log-probabilities, and T minimises the mean negative log-likelihood of the true labels on a
 * labelled validation set.
 *
 * <p>The NLL is convex in 1/T, so it has a single minimum along ln T; a golden-section search on
 * ln T over [{@link #minTemperature()}, {@link #maxTemperature()}] finds it to {@link #tolerance()}
 * (in ln T). The sums run in double precision.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>searched range of T</td><td>[{@value #DEFAULT_MIN_TEMPERATURE}, {@value #DEFAULT_MAX_TEMPERATURE}]</td></tr>
 *   <tr><td>tolerance on ln T</td><td>{@value #DEFAULT_TOLERANCE}</td></tr>
 * </table>
 */
public final class TemperatureScaling {

    /** Default lower end of the searched temperatures: 0.01. */
    public static final double DEFAULT_MIN_TEMPERATURE = 0.01;
    /** Default upper end of the searched temperatures: 100. */
    public static final double DEFAULT_MAX_TEMPERATURE = 100;
    /** Default width of the final bracket on ln T: 1e-6. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private static final double INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

    private final double minTemperature;
    private final double maxTemperature;
    private final double tolerance;

    /** Uses the defaults. */
    public TemperatureScaling() {
        this(DEFAULT_MIN_TEMPERATURE, DEFAULT_MAX_TEMPERATURE, DEFAULT_TOLERANCE);
    }

    /**
     * @param minTemperature lower end of the searched range, > 0
     * @param maxTemperature upper end, > minTemperature
     * @param tolerance      width of the final bracket on ln T, > 0
     */
    public TemperatureScaling(double minTemperature, double maxTemperature, double tolerance) {
        if (!(minTemperature > 0) || !(maxTemperature > minTemperature) || !Double.isFinite(maxTemperature)) {
            throw new IllegalArgumentException("need 0 < minTemperature < maxTemperature < infinity, got "
                    + minTemperature + ", " + maxTemperature);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        this.minTemperature = minTemperature;
        this.maxTemperature = maxTemperature;
        this.tolerance = tolerance;
    }

    /** @return the lower end of the searched range */
    public double minTemperature() {
        return minTemperature;
    }

    /** @return the upper end of the searched range */
    public double maxTemperature() {
        return maxTemperature;
    }

    /** @return the width of the final bracket on ln T */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Fits T to a network's logits.
     *
     * @param logits N x K scores before the softmax
     * @param labels the true class of each row
     * @return the fit
     * @throws IllegalArgumentException if shapes or labels do not match, or a logit is not finite
     */
    public TemperatureFit fitToLogits(INDArray logits, int[] labels) {
        return fit(LogScores.fromLogits(logits, labels), labels);
    }

    /**
     * Fits T to a classifier's probabilities (through their logarithms; probabilities below the
     * smallest normal float count as that, so the logarithm stays finite).
     *
     * @param probabilities N x K probabilities, as an {@code ImageClassifier} returns them
     * @param labels        the true class of each row
     * @return the fit
     * @throws IllegalArgumentException if shapes or labels do not match, or a value is not a probability
     */
    public TemperatureFit fitToProbabilities(INDArray probabilities, int[] labels) {
        return fit(LogScores.fromProbabilities(probabilities, labels), labels);
    }

    private TemperatureFit fit(double[][] scores, int[] labels) {
        double lo = Math.log(minTemperature);
        double hi = Math.log(maxTemperature);
        double a = hi - INVERSE_GOLDEN_RATIO * (hi - lo);
        double b = lo + INVERSE_GOLDEN_RATIO * (hi - lo);
        double fa = negativeLogLikelihood(scores, labels, Math.exp(a));
        double fb = negativeLogLikelihood(scores, labels, Math.exp(b));
        int evaluations = 2;
        while (hi - lo > tolerance) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - INVERSE_GOLDEN_RATIO * (hi - lo);
                fa = negativeLogLikelihood(scores, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + INVERSE_GOLDEN_RATIO * (hi - lo);
                fb = negativeLogLikelihood(scores, labels, Math.exp(b));
            }
            evaluations++;
        }
        double t = Math.exp((lo + hi) / 2);
        double after = negativeLogLikelihood(scores, labels, t);
        double before = negativeLogLikelihood(scores, labels, 1.0);
        boolean atBound = Math.log(t) - Math.log(minTemperature) < 2 * tolerance
                || Math.log(maxTemperature) - Math.log(t) < 2 * tolerance;
        return new TemperatureFit(t, before, after, evaluations + 2, atBound);
    }

    /**
     * The mean negative log-likelihood of the labels under softmax(scores / T).
     *
     * @param scores      N x K logits or log-probabilities
     * @param labels      the true class of each row
     * @param temperature T > 0
     * @return mean over rows of logsumexp(s / T) - s[label] / T
     */
    static double negativeLogLikelihood(double[][] scores, int[] labels, double temperature) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] row = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double s : row) {
                max = Math.max(max, s / temperature);
            }
            double exp = 0;
            for (double s : row) {
                exp += Math.exp(s / temperature - max);
            }
            sum += max + Math.log(exp) - row[labels[i]] / temperature;
        }
        return sum / scores.length;
    }
}
