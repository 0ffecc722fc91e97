package dev.limelight.models.calibration;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Each prediction's confidence (its top probability) and whether it was right: what reliability
 * bins count, kept apart so that bootstrap resamples are cheap.
 *
 * @param confidence each row's top probability
 * @param right      whether each row's top class is its label
 */
record Outcomes(double[] confidence, boolean[] right) {

    /**
     * @param probabilities N x K probabilities
     * @param labels        the true class of each row
     * @throws IllegalArgumentException if shapes or labels do not match, or a value is not a probability
     */
    static Outcomes of(INDArray probabilities, int[] labels) {
        double[][] p = LogScores.probabilities(probabilities, labels);
        double[] confidence = new double[p.length];
        boolean[] right = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            int top = 0;
            for (int k = 1; k < p[i].length; k++) {
                top = p[i][k] > p[i][top] ? k : top;
            }
            confidence[i] = p[i][top];
            right[i] = top == labels[i];
        }
        return new Outcomes(confidence, right);
    }

    /** @return the number of rows */
    int size() {
        return confidence.length;
    }

    /** @return the reliability bins ({@value ReliabilityBins#DEFAULT_BINS}) of these rows, picked by index */
    ReliabilityBins resample(int[] rows) {
        double[] c = new double[rows.length];
        boolean[] r = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = confidence[rows[i]];
            r[i] = right[rows[i]];
        }
        return ReliabilityBins.of(c, r, ReliabilityBins.DEFAULT_BINS);
    }
}
