package dev.limelight.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The rows of a 2-d INDArray as Java {@code double[][]}, from one flat copy. ND4J's
 * {@code toDoubleMatrix()} copies element by element through the API, one call per element, which
 * matters when it runs once per batch; one flat copy of the buffer does not.
 */
public final class MatrixRows {

    private MatrixRows() {
    }

    /**
     * @param matrix a rank-2 array of any data type and order (views included)
     * @return its rows, as doubles
     * @throws IllegalArgumentException if it is not rank 2
     */
    public static double[][] of(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got shape " + java.util.Arrays.toString(matrix.shape()));
        }
        int rows = (int) matrix.rows();
        int columns = (int) matrix.columns();
        double[] flat = matrix.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] result = new double[rows][];
        for (int i = 0; i < rows; i++) {
            result[i] = java.util.Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
        }
        return result;
    }
}
