package dev.limelight.text;

import dev.limelight.core.Probabilities;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a classifier's output batch into Java arrays, checking it is a matrix of probabilities.
 * The common case (valid output) is checked on one flat copy of the buffer; any problem is handed to
 * lime-core's {@link Probabilities#requireValid}, so the message is the one every explainer gives.
 * (That method reads the output with {@code INDArray.toDoubleMatrix()}, about 5 ms per 256 x 2
 * batch, which would dominate a text explanation with a fast classifier.)
 */
final class ClassifierOutput {

    private ClassifierOutput() {
    }

    /**
     * @return the rows of {@code output}, each of {@code classes} probabilities
     * @throws IllegalStateException as {@link Probabilities#requireValid} if the output is not
     *                               {@code rows} x {@code classes} probabilities
     */
    static double[][] rows(INDArray output, int rows, int classes, String source) {
        if (output == null || output.rank() != 2 || output.rows() != rows || output.columns() != classes) {
            Probabilities.requireValid(output, rows, classes, source);
            throw new IllegalStateException(source + " returned an output of the wrong shape");
        }
        INDArray c = output.castTo(DataType.DOUBLE).dup('c');
        double[] flat = c.data().asDouble();
        double[][] result = new double[rows][classes];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double p = flat[i * classes + j];
                if (!(p >= 0) || !Double.isFinite(p)) {
                    Probabilities.requireValid(output, rows, classes, source);
                    throw new IllegalStateException(source + " returned " + p + " for row " + i + ", class " + j);
                }
                result[i][j] = p;
                sum += p;
            }
            if (Math.abs(sum - 1) > Probabilities.ROW_SUM_TOLERANCE) {
                Probabilities.requireValid(output, rows, classes, source);
                throw new IllegalStateException(source + " returned row " + i + " summing to " + sum + ", not 1");
            }
        }
        c.close();
        return result;
    }
}
