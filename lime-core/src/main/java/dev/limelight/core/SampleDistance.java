package dev.limelight.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How far each perturbed sample lies from the original, measured on the interpretable
 * representation (row 0 of the sample matrix is the original). The kernel turns these distances into
 * the samples' weights in the surrogate fit.
 */
@FunctionalInterface
public interface SampleDistance {

    /**
     * @param samples N x d matrix of the interpretable representation, row 0 the original
     * @return N distances, finite and non-negative
     */
    double[] toOriginal(INDArray samples);

    /**
     * The cosine distance the reference uses for images (scale 1) and text (scale 100).
     *
     * @param scale factor applied to every distance, finite and &gt; 0
     * @return the distance
     * @see CosineDistance
     */
    static SampleDistance cosine(double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, got " + scale);
        }
        return samples -> CosineDistance.toOriginal(samples, scale);
    }

    /**
     * The Euclidean distance the reference uses for tables: on 0/1 rows, the square root of the number
     * of features that differ from the original.
     *
     * @return the distance
     */
    static SampleDistance euclidean() {
        return samples -> {
            if (samples == null || samples.rank() != 2 || samples.rows() == 0 || samples.columns() == 0) {
                throw new IllegalArgumentException("samples must be a non-empty N x d matrix");
            }
            double[][] rows = samples.castTo(DataType.DOUBLE).toDoubleMatrix();
            double[] distances = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double sum = 0;
                for (int j = 0; j < rows[i].length; j++) {
                    double d = rows[i][j] - rows[0][j];
                    sum += d * d;
                }
                distances[i] = Math.sqrt(sum);
            }
            return distances;
        };
    }
}
