package dev.limelight.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cosine distance from every row of an interpretable representation to its first row (the
 * original instance), as the reference computes it with scikit-learn: {@code 1 - cos}, clipped to
 * [0, 2], with a zero row at cosine similarity 0 (distance 1).
 *
 * <p>Images use the plain distance ({@link #IMAGE_SCALE}); text multiplies it by
 * {@link #TEXT_SCALE}, which is why the text kernel width is 25 rather than 0.25.
 */
public final class CosineDistance {

    /** Scale of the image distances: 1. */
    public static final double IMAGE_SCALE = 1.0;

    /** Scale of the text distances: 100. */
    public static final double TEXT_SCALE = 100.0;

    private CosineDistance() {
    }

    /**
     * Computes the scaled cosine distance of each row of {@code samples} to row 0.
     *
     * @param samples N x d matrix, N &gt;= 1, row 0 being the original instance
     * @param scale   factor applied to every distance, finite and &gt; 0
     * @return N distances; the first is 0 unless row 0 is all zeros
     * @throws IllegalArgumentException if {@code samples} is not a non-empty matrix or the scale is
     *                                  not a finite positive number
     */
    public static double[] toOriginal(INDArray samples, double scale) {
        if (samples == null || samples.rank() != 2 || samples.rows() == 0 || samples.columns() == 0) {
            throw new IllegalArgumentException("samples must be a non-empty N x d matrix, got "
                    + (samples == null ? "null" : java.util.Arrays.toString(samples.shape())));
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, got " + scale);
        }
        INDArray z = samples.castTo(DataType.DOUBLE);
        INDArray original = z.getRow(0, true);
        double[] dots = z.mmul(original.transpose()).toDoubleVector();
        double[] norms = z.norm2(1).toDoubleVector();
        double originalNorm = norms[0];
        double[] distances = new double[dots.length];
        for (int i = 0; i < dots.length; i++) {
            double denominator = norms[i] * originalNorm;
            double similarity = denominator == 0 ? 0 : dots[i] / denominator;
            distances[i] = Math.min(2, Math.max(0, 1 - similarity)) * scale;
        }
        return distances;
    }
}
