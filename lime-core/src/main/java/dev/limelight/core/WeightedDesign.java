package dev.limelight.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The sufficient statistics of every weighted least-squares fit K-Lasso makes on one
 * neighbourhood, computed once: with weights {@code w}, weighted means {@code x̄} and
 * {@code ȳ}, and {@code Xc = sqrt(w) (X - x̄)}, {@code yc = sqrt(w) (y - ȳ)}:
 * the centred Gram matrix {@code G = Xc^T Xc}, and per label {@code b = Xc^T yc} and
 * {@code syy = yc^T yc}.
 *
 * <p>This is how scikit-learn's {@code Ridge} fits with sample weights and an intercept (the
 * reference's surrogate): any subset fit is then a small d x d solve, independent of N. The two
 * products are single ND4J matrix multiplications in double precision, so they run on the active
 * backend (BLAS on CPU, cuBLAS on CUDA).
 */
final class WeightedDesign {

    final int sampleCount;
    final int featureCount;
    final double[] weights;
    final double[] original;
    final double[] featureMeans;
    final double[][] gram;
    final int[] labels;
    final double[] labelMeans;
    final double[][] labelCovariances;
    final double[] labelSumsOfSquares;

    private WeightedDesign(int sampleCount, int featureCount, double[] weights, double[] original,
                           double[] featureMeans, double[][] gram, int[] labels, double[] labelMeans,
                           double[][] labelCovariances, double[] labelSumsOfSquares) {
        this.sampleCount = sampleCount;
        this.featureCount = featureCount;
        this.weights = weights;
        this.original = original;
        this.featureMeans = featureMeans;
        this.gram = gram;
        this.labels = labels;
        this.labelMeans = labelMeans;
        this.labelCovariances = labelCovariances;
        this.labelSumsOfSquares = labelSumsOfSquares;
    }

    /**
     * Weighs the neighbourhood with the kernel and forms the statistics for the given labels.
     *
     * @throws IllegalArgumentException if the kernel gives a negative or non-finite weight, or every
     *                                  weight is zero
     */
    static WeightedDesign of(Neighbourhood neighbourhood, Kernel kernel, int[] labels) {
        int n = neighbourhood.sampleCount();
        int d = neighbourhood.featureCount();
        double[] distances = neighbourhood.distancesView();
        double[] weights = new double[n];
        double[] sqrtWeights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = kernel.weight(distances[i]);
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("kernel " + kernel + " gave weight " + w + " for distance "
                        + distances[i] + " (sample " + i + ")");
            }
            weights[i] = w;
            sqrtWeights[i] = Math.sqrt(w);
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("every kernel weight is 0: the kernel " + kernel
                    + " is too narrow for these distances");
        }

        INDArray x = neighbourhood.dataView();
        INDArray w = Nd4j.createFromArray(weights).reshape(1, n);
        INDArray sqrtW = Nd4j.createFromArray(sqrtWeights).reshape(n, 1);
        INDArray xMean = w.mmul(x).divi(sum);
        INDArray xc = x.subRowVector(xMean).muliColumnVector(sqrtW);
        double[][] gram = xc.transpose().mmul(xc).toDoubleMatrix();

        INDArray y = neighbourhood.predictionsView().getColumns(labels);
        INDArray yMean = w.mmul(y).divi(sum);
        INDArray yc = y.subRowVector(yMean).muliColumnVector(sqrtW);
        double[][] xy = xc.transpose().mmul(yc).transpose().toDoubleMatrix();
        double[] syy = Transforms.pow(yc, 2, true).sum(0).castTo(DataType.DOUBLE).toDoubleVector();

        return new WeightedDesign(n, d, weights, x.getRow(0).toDoubleVector(), xMean.toDoubleVector(), gram,
                labels.clone(), yMean.toDoubleVector(), xy, syy);
    }

    /** @return the position of {@code label} among the labels this design was formed for */
    int labelSlot(int label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                return i;
            }
        }
        throw new IllegalArgumentException("label " + label + " was not prepared");
    }

    /** @return {@code G[rows][columns]} plus {@code alpha} on the diagonal */
    double[][] gramBlock(int[] features, double alpha) {
        int k = features.length;
        double[][] block = new double[k][k];
        for (int i = 0; i < k; i++) {
            double[] row = gram[features[i]];
            for (int j = 0; j < k; j++) {
                block[i][j] = row[features[j]];
            }
            block[i][i] += alpha;
        }
        return block;
    }
}
