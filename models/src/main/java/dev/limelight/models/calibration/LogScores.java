package dev.limelight.models.calibration;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores whose softmax is a classifier's probabilities: logits, or log-probabilities (the two give
 * the same softmax(s / T) for every T, since a row's log-sum-exp is a constant shift). Checks the
 * shapes and labels shared by the calibration classes.
 */
final class LogScores {

    /**
     * Probabilities below this (the smallest normal float) count as this much, so that log p is
     * finite (about -87.3): float32 networks cannot tell smaller values from 0 anyway.
     */
    static final double PROBABILITY_FLOOR = Float.MIN_NORMAL;

    private LogScores() {
    }

    /** @return the logits as a double matrix, after checking the shape against the labels */
    static double[][] fromLogits(INDArray logits, int[] labels) {
        double[][] scores = matrix(logits, labels);
        for (double[] row : scores) {
            for (double s : row) {
                if (!Double.isFinite(s)) {
                    throw new IllegalArgumentException("logits must be finite, got " + s);
                }
            }
        }
        return scores;
    }

    /** @return log(max(p, floor)) as a double matrix, after checking the probabilities */
    static double[][] fromProbabilities(INDArray probabilities, int[] labels) {
        double[][] p = matrix(probabilities, labels);
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[i].length; k++) {
                double v = p[i][k];
                if (!Double.isFinite(v) || v < 0 || v > 1 + 1e-6) {
                    throw new IllegalArgumentException("row " + i + " holds " + v + ", not a probability");
                }
                p[i][k] = Math.log(Math.max(v, PROBABILITY_FLOOR));
            }
        }
        return p;
    }

    /** @return the probabilities as a double matrix, checked as in {@link #fromProbabilities} */
    static double[][] probabilities(INDArray probabilities, int[] labels) {
        double[][] p = matrix(probabilities, labels);
        for (int i = 0; i < p.length; i++) {
            for (double v : p[i]) {
                if (!Double.isFinite(v) || v < 0 || v > 1 + 1e-6) {
                    throw new IllegalArgumentException("row " + i + " holds " + v + ", not a probability");
                }
            }
        }
        return p;
    }

    private static double[][] matrix(INDArray scores, int[] labels) {
        if (scores == null || labels == null) {
            throw new IllegalArgumentException("scores and labels must not be null");
        }
        if (scores.rank() != 2 || scores.rows() != labels.length || scores.rows() == 0 || scores.columns() < 2) {
            throw new IllegalArgumentException("expected an N x K matrix (N >= 1, K >= 2) for " + labels.length
                    + " labels, got shape " + Arrays.toString(scores.shape()));
        }
        int k = (int) scores.columns();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not a class index 0.."
                        + (k - 1));
            }
        }
        return dev.limelight.core.MatrixRows.of(scores);
    }
}
