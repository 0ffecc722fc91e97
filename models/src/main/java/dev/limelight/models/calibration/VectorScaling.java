package dev.limelight.models.calibration;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Vector scaling (Guo, Pleiss, Sun and Weinberger, "On Calibration of Modern Neural Networks", ICML
 * 2017): one scale and one bias per class, {@code softmax(w * log p + b)}, fitted by minimising the
 * negative log-likelihood on labelled outputs. Temperature scaling is its special case {@code w = 1/T},
 * {@code b = 0}. Applied here to the model's log-probabilities (they differ from its logits by a
 * constant per row, which a common scale leaves alone but a per-class one does not), so it needs only
 * the probabilities every classifier gives. Unlike a temperature it can change the predicted class.
 *
 * <p>The fit is Newton's method on the 2K parameters (the problem is convex), with a small ridge
 * towards {@code w = 1, b = 0} ({@link #RIDGE}) that makes it well posed: adding a constant to every
 * bias changes nothing.
 *
 * @param scales the scale of each class's log-probability
 * @param biases the bias of each class
 * @param nll    the mean negative log-likelihood on the fitted outputs, at the fitted parameters
 */
public record VectorScaling(double[] scales, double[] biases, double nll) {

    /** The ridge towards the identity, per parameter and mean sample: 1e-4. */
    public static final double RIDGE = 1e-4;

    private static final double LOG_FLOOR = Math.log(1e-12);

    /** Checks the lengths; copies the arrays. */
    public VectorScaling {
        if (scales.length != biases.length || scales.length < 2) {
            throw new IllegalArgumentException("need one scale and one bias per class, at least two classes");
        }
        scales = scales.clone();
        biases = biases.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public double[] biases() {
        return biases.clone();
    }

    /**
     * Fits the scales and biases.
     *
     * @param probabilities N x K class probabilities
     * @param labels        N true classes
     * @return the fit
     */
    public static VectorScaling fit(INDArray probabilities, int[] labels) {
        double[][] x = logs(probabilities);
        int n = x.length;
        int k = x[0].length;
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " rows but " + labels.length + " labels");
        }
        double[] w = new double[k];
        double[] b = new double[k];
        Arrays.fill(w, 1);
        double loss = objective(x, labels, w, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[2 * k];
            double[][] hessian = new double[2 * k][2 * k];
            for (int i = 0; i < n; i++) {
                double[] q = softmax(x[i], w, b);
                for (int a = 0; a < k; a++) {
                    double residual = q[a] - (labels[i] == a ? 1 : 0);
                    gradient[a] += residual * x[i][a] / n;
                    gradient[k + a] += residual / n;
                    for (int c = 0; c < k; c++) {
                        double s = (a == c ? q[a] : 0) - q[a] * q[c];
                        hessian[a][c] += x[i][a] * s * x[i][c] / n;
                        hessian[a][k + c] += x[i][a] * s / n;
                        hessian[k + a][c] += s * x[i][c] / n;
                        hessian[k + a][k + c] += s / n;
                    }
                }
            }
            double norm = 0;
            for (int a = 0; a < k; a++) {
                gradient[a] += RIDGE * (w[a] - 1);
                gradient[k + a] += RIDGE * b[a];
                norm = Math.max(norm, Math.max(Math.abs(gradient[a]), Math.abs(gradient[k + a])));
            }
            if (norm < 1e-9) {
                break;
            }
            for (int a = 0; a < 2 * k; a++) {
                hessian[a][a] += RIDGE;
            }
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false), 1e-12, 1e-14)
                    .getSolver().solve(new ArrayRealVector(gradient, false));
            double size = 1;
            double next;
            double[] tryW = new double[k];
            double[] tryB = new double[k];
            while (true) {
                for (int a = 0; a < k; a++) {
                    tryW[a] = w[a] - size * step.getEntry(a);
                    tryB[a] = b[a] - size * step.getEntry(k + a);
                }
                next = objective(x, labels, tryW, tryB);
                if (next <= loss || size < 1e-8) {
                    break;
                }
                size /= 2;
            }
            if (next > loss) {
                break;
            }
            System.arraycopy(tryW, 0, w, 0, k);
            System.arraycopy(tryB, 0, b, 0, k);
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new VectorScaling(w, b, meanNll(x, labels, w, b));
    }

    /**
     * @param probabilities N x K class probabilities of the same model
     * @return them calibrated: {@code softmax(w * log p + b)} per row
     */
    public INDArray apply(INDArray probabilities) {
        double[][] x = logs(probabilities);
        if (x[0].length != scales.length) {
            throw new IllegalArgumentException(x[0].length + " classes, the calibration has " + scales.length);
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = softmax(x[i], scales, biases);
        }
        return Nd4j.createFromArray(out);
    }

    /** @return the mean negative log-likelihood of these parameters on labelled outputs */
    public double nll(INDArray probabilities, int[] labels) {
        return meanNll(logs(probabilities), labels, scales, biases);
    }

    private static double objective(double[][] x, int[] labels, double[] w, double[] b) {
        double penalty = 0;
        for (int a = 0; a < w.length; a++) {
            penalty += (w[a] - 1) * (w[a] - 1) + b[a] * b[a];
        }
        return meanNll(x, labels, w, b) + RIDGE / 2 * penalty;
    }

    private static double meanNll(double[][] x, int[] labels, double[] w, double[] b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] l = new double[w.length];
            for (int a = 0; a < w.length; a++) {
                l[a] = w[a] * x[i][a] + b[a];
                max = Math.max(max, l[a]);
            }
            double total = 0;
            for (double v : l) {
                total += Math.exp(v - max);
            }
            sum += max + Math.log(total) - l[labels[i]];
        }
        return sum / x.length;
    }

    private static double[] softmax(double[] x, double[] w, double[] b) {
        double[] q = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < w.length; a++) {
            q[a] = w[a] * x[a] + b[a];
            max = Math.max(max, q[a]);
        }
        double total = 0;
        for (int a = 0; a < q.length; a++) {
            q[a] = Math.exp(q[a] - max);
            total += q[a];
        }
        for (int a = 0; a < q.length; a++) {
            q[a] /= total;
        }
        return q;
    }

    private static double[][] logs(INDArray probabilities) {
        double[][] p = probabilities.toDoubleMatrix();
        if (p.length == 0 || p[0].length < 2) {
            throw new IllegalArgumentException("need N x K probabilities with K >= 2");
        }
        double[][] x = new double[p.length][p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int a = 0; a < p[i].length; a++) {
                x[i][a] = p[i][a] > 0 ? Math.max(LOG_FLOOR, Math.log(p[i][a])) : LOG_FLOOR;
            }
        }
        return x;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VectorScaling[scales=%s, biases=%s, NLL %.4f]", Arrays.toString(scales),
                Arrays.toString(biases), nll);
    }
}
