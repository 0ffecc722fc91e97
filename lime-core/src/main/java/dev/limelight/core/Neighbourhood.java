package dev.limelight.core;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The perturbed samples around one instance, as LIME fits its local surrogate to them: the
 * interpretable representation of each sample, the model's output for it, and its distance to
 * the original.
 *
 * <ul>
 *   <li>{@code data}: N x d, row i the interpretable representation of sample i (for images and
 *       text a 0/1 vector saying which superpixels or words are present); row 0 is the original
 *       instance.</li>
 *   <li>{@code predictions}: N x K, the classifier's probabilities (or any real score) for each
 *       sample and label; the reference calls this {@code neighborhood_labels}.</li>
 *   <li>{@code distances}: N finite, non-negative distances of each sample to the original.</li>
 * </ul>
 *
 * <p>Instances are immutable: the arrays are copied (as double precision) when the neighbourhood
 * is built, and the accessors return copies.
 */
public final class Neighbourhood {

    private final INDArray data;
    private final INDArray predictions;
    private final double[] distances;

    private Neighbourhood(INDArray data, INDArray predictions, double[] distances) {
        this.data = data;
        this.predictions = predictions;
        this.distances = distances;
    }

    /**
     * Builds a neighbourhood from ND4J arrays (any floating or integer data type).
     *
     * @param data        N x d interpretable representation, row 0 the original instance
     * @param predictions N x K model outputs
     * @param distances   N distances to the original (a vector or an N x 1 / 1 x N matrix)
     * @return the validated neighbourhood
     * @throws IllegalArgumentException if an argument is null, empty, of the wrong rank, holds NaN
     *                                  or infinite values, has a negative distance, or if the row
     *                                  counts differ
     */
    public static Neighbourhood of(INDArray data, INDArray predictions, INDArray distances) {
        requireMatrix("data", data);
        requireMatrix("predictions", predictions);
        if (distances == null) {
            throw new IllegalArgumentException("distances must not be null");
        }
        if (!distances.isVector() && !(distances.isScalar() && distances.length() == 1)) {
            throw new IllegalArgumentException("distances must be a vector, got shape "
                    + Arrays.toString(distances.shape()));
        }
        return build(data.castTo(DataType.DOUBLE).dup('c'), predictions.castTo(DataType.DOUBLE).dup('c'),
                distances.castTo(DataType.DOUBLE).toDoubleVector());
    }

    /**
     * Builds a neighbourhood from Java arrays.
     *
     * @param data        N rows of d values, row 0 the original instance
     * @param predictions N rows of K model outputs
     * @param distances   N distances to the original
     * @return the validated neighbourhood
     * @throws IllegalArgumentException as {@link #of(INDArray, INDArray, INDArray)}, and for ragged
     *                                  rows
     */
    public static Neighbourhood of(double[][] data, double[][] predictions, double[] distances) {
        if (data == null || predictions == null || distances == null) {
            throw new IllegalArgumentException("data, predictions and distances must not be null");
        }
        return build(toMatrix("data", data), toMatrix("predictions", predictions), distances.clone());
    }

    private static Neighbourhood build(INDArray data, INDArray predictions, double[] distances) {
        long n = data.rows();
        if (predictions.rows() != n || distances.length != n) {
            throw new IllegalArgumentException("row counts differ: data has " + n + " rows, predictions "
                    + predictions.rows() + ", distances " + distances.length);
        }
        requireFinite("data", data);
        requireFinite("predictions", predictions);
        for (int i = 0; i < distances.length; i++) {
            if (!Double.isFinite(distances[i]) || distances[i] < 0) {
                throw new IllegalArgumentException("distances must be finite and >= 0; distance[" + i
                        + "] = " + distances[i]);
            }
        }
        return new Neighbourhood(data, predictions, distances);
    }

    private static void requireMatrix(String name, INDArray array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (array.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix, got shape " + Arrays.toString(array.shape()));
        }
        if (array.rows() == 0 || array.columns() == 0) {
            throw new IllegalArgumentException(name + " is empty: shape " + Arrays.toString(array.shape()));
        }
    }

    private static INDArray toMatrix(String name, double[][] rows) {
        if (rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        int width = rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw new IllegalArgumentException(name + " is ragged: row 0 has " + width + " values, row "
                        + i + " has " + (rows[i] == null ? "none" : rows[i].length));
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return Nd4j.create(flat, new long[] {rows.length, width}, DataType.DOUBLE);
    }

    private static void requireFinite(String name, INDArray array) {
        double[] values = array.data().asDouble();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                long columns = array.columns();
                throw new IllegalArgumentException(name + " holds a non-finite value (" + values[i] + ") at row "
                        + (i / columns) + ", column " + (i % columns));
            }
        }
    }

    /** @return N, the number of samples (row 0 included) */
    public int sampleCount() {
        return (int) data.rows();
    }

    /** @return d, the number of interpretable features */
    public int featureCount() {
        return (int) data.columns();
    }

    /** @return K, the number of labels the model scored */
    public int labelCount() {
        return (int) predictions.columns();
    }

    /** @return a copy of the N x d interpretable representation (double) */
    public INDArray data() {
        return data.dup();
    }

    /** @return a copy of the N x K model outputs (double) */
    public INDArray predictions() {
        return predictions.dup();
    }

    /** @return a copy of the N distances */
    public double[] distances() {
        return distances.clone();
    }

    INDArray dataView() {
        return data;
    }

    INDArray predictionsView() {
        return predictions;
    }

    double[] distancesView() {
        return distances;
    }

    @Override
    public String toString() {
        return "Neighbourhood[samples=" + sampleCount() + ", features=" + featureCount() + ", labels="
                + labelCount() + "]";
    }
}
