package dev.limelight.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

        // The O(N d) passes run in plain Java (ND4J's broadcast ops cost ~25x more here); the
        // O(N d^2) product is one BLAS call.
        double[] x = neighbourhood.dataView().data().asDouble();
        double[] featureMeans = new double[d];
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                featureMeans[j] += w * x[row + j];
            }
        }
        for (int j = 0; j < d; j++) {
            featureMeans[j] /= sum;
        }
        double[] centred = x;
        for (int i = 0; i < n; i++) {
            double s = sqrtWeights[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                centred[row + j] = s * (x[row + j] - featureMeans[j]);
            }
        }
        INDArray xc = Nd4j.create(centred, new long[] {n, d}, DataType.DOUBLE);
        double[][] gram = MatrixRows.of(xc.transpose().mmul(xc));
        xc.close();

        double[][] y = MatrixRows.of(neighbourhood.predictionsView());
        int labelCount = labels.length;
        double[] labelMeans = new double[labelCount];
        double[][] xy = new double[labelCount][d];
        double[] syy = new double[labelCount];
        double[] yc = new double[n];
        for (int l = 0; l < labelCount; l++) {
            int column = labels[l];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += weights[i] * y[i][column];
            }
            mean /= sum;
            labelMeans[l] = mean;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                yc[i] = sqrtWeights[i] * (y[i][column] - mean);
                squares += yc[i] * yc[i];
            }
            syy[l] = squares;
            double[] b = xy[l];
            for (int i = 0; i < n; i++) {
                double v = yc[i];
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    b[j] += centred[row + j] * v;
                }
            }
        }
        double[] original = neighbourhood.dataView().getRow(0).toDoubleVector();
        return new WeightedDesign(n, d, weights, original, featureMeans, gram, labels.clone(), labelMeans, xy, syy);
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
