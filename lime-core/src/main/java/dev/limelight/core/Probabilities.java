package dev.limelight.core;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks that a classifier's output is a matrix of class probabilities. */
public final class Probabilities {

    /** How far a row's sum may be from 1: 1e-3 (float32 softmax outputs sum to 1 within ~1e-6). */
    public static final double ROW_SUM_TOLERANCE = 1e-3;

    private Probabilities() {
    }

    /**
     * Checks {@code output} holds {@code rows} x {@code classes} finite, non-negative values whose
     * rows sum to 1 within {@link #ROW_SUM_TOLERANCE}.
     *
     * @param output  what the classifier returned
     * @param rows    how many inputs were scored
     * @param classes the classifier's class count
     * @param source  names the classifier in the message
     * @return {@code output}
     * @throws InvalidModelOutputException naming the first offending row and value otherwise
     */
    public static INDArray requireValid(INDArray output, long rows, int classes, String source) {
        validRows(output, rows, classes, source);
        return output;
    }

    /**
     * Checks {@code output} as {@link #requireValid} does and returns its rows: one copy of the
     * output serves both the check and the caller (the explainers' per-batch path).
     *
     * @return the {@code rows} x {@code classes} probabilities
     * @throws InvalidModelOutputException naming the first offending row and value
     */
    public static double[][] validRows(INDArray output, long rows, int classes, String source) {
        double[][] values = shapedRows(output, rows, classes, source);
        for (int i = 0; i < values.length; i++) {
            double sum = 0;
            for (int j = 0; j < values[i].length; j++) {
                double p = values[i][j];
                if (!Double.isFinite(p)) {
                    throw new InvalidModelOutputException(source + " returned " + p + " for row " + i + ", class " + j);
                }
                if (p < 0) {
                    throw new InvalidModelOutputException(source + " returned a negative probability " + p + " for row " + i
                            + ", class " + j + " (logits? apply a softmax)");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new InvalidModelOutputException(String.format(Locale.ROOT,
                        "%s returned row %d summing to %.6f, not 1 (logits? apply a softmax)", source, i, sum));
            }
        }
        return values;
    }

    /**
     * @return the rows of {@code output}, checked to be {@code rows} x {@code columns}
     * @throws InvalidModelOutputException if it is null or of another shape
     */
    static double[][] shapedRows(INDArray output, long rows, int columns, String source) {
        if (output == null) {
            throw new InvalidModelOutputException(source + " returned null");
        }
        if (output.rank() != 2 || output.rows() != rows || output.columns() != columns) {
            throw new InvalidModelOutputException(source + " returned shape " + Arrays.toString(output.shape())
                    + ", expected [" + rows + ", " + columns + "]");
        }
        return MatrixRows.of(output);
    }
}
