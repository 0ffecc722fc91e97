package dev.limelight.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The LARS-lasso regularisation path (Efron, Hastie, Johnstone and Tibshirani, "Least Angle
 * Regression", 2004) on the weighted, centred data, computed from its Gram matrix {@code G} and
 * correlations {@code Xy}: the knots and the coefficients at each.
 *
 * <p>The steps, stopping rules and tolerances follow scikit-learn's
 * {@code lars_path(method='lasso')} with its defaults (what the reference calls), so that the
 * same knots come out: the variable with the largest absolute correlation enters (first index on
 * ties), a coefficient that would change sign leaves the active set at that knot, the path stops
 * when the largest correlation divided by N falls to float32's epsilon, after 500 steps, when every
 * feature is active, or when the correlation grows again (numerical noise). One deliberate
 * difference: a degenerate candidate (Cholesky pivot below 1e-7) is set aside with its
 * correlation set to 0; scikit-learn's bookkeeping there is inconsistent and the case is
 * practically unreachable with 0/1 samples.
 */
final class LarsLassoPath {

    private static final int MAX_ITERATIONS = 500;
    private static final double EQUALITY_TOLERANCE = Math.ulp(1.0f);
    private static final double TINY32 = Float.MIN_NORMAL;
    private static final double EPS = Math.ulp(1.0);
    private static final double DEGENERATE_PIVOT = 1e-7;

    private final List<double[]> coefficients = new ArrayList<>();
    private final List<Double> alphas = new ArrayList<>();

    private LarsLassoPath() {
    }

    /** @return the coefficients at every knot, knot 0 being all zeros */
    List<double[]> coefficients() {
        return coefficients;
    }

    /** @return the regularisation value (max |correlation| / N) at every knot */
    List<Double> alphas() {
        return alphas;
    }

    /**
     * Selects features as the reference does: walk the knots from the least regularised back to
     * knot 1 and take the non-zero coefficients of the first knot with at most K of them.
     */
    static int[] select(WeightedDesign design, int slot, int numFeatures) {
        LarsLassoPath path = compute(design.gram, design.labelCovariances[slot], design.sampleCount);
        List<double[]> knots = path.coefficients;
        int[] nonZero = new int[design.featureCount];
        Arrays.setAll(nonZero, i -> i);
        for (int knot = knots.size() - 1; knot >= 1; knot--) {
            double[] coef = knots.get(knot);
            nonZero = nonZeroIndices(coef);
            if (nonZero.length <= numFeatures) {
                break;
            }
        }
        return nonZero;
    }

    private static int[] nonZeroIndices(double[] values) {
        int count = 0;
        for (double v : values) {
            if (v != 0) {
                count++;
            }
        }
        int[] indices = new int[count];
        int next = 0;
        for (int j = 0; j < values.length; j++) {
            if (values[j] != 0) {
                indices[next++] = j;
            }
        }
        return indices;
    }

    /**
     * Computes the path.
     *
     * @param gram     d x d Gram matrix of the (weighted, centred) data
     * @param xy       d correlations of the columns with the (weighted, centred) target
     * @param samples  N, the number of samples (alpha is max |correlation| / N)
     */
    static LarsLassoPath compute(double[][] gram, double[] xy, int samples) {
        int d = xy.length;
        int maxFeatures = Math.min(MAX_ITERATIONS, d);
        LarsLassoPath path = new LarsLassoPath();

        // Position p holds feature order[p]: positions [0, active) are the active set in the order
        // of the Cholesky rows; [active, d) the candidates, whose correlations are in cov[p].
        int[] order = new int[d];
        Arrays.setAll(order, i -> i);
        double[] cov = xy.clone();
        double[][] lower = new double[maxFeatures][maxFeatures];
        double[] signs = new double[maxFeatures];
        int active = 0;
        int iteration = 0;
        boolean drop = false;
        int[] dropped = new int[0];

        double[] coef = new double[d];
        path.coefficients.add(coef);

        while (true) {
            int best = -1;
            double bestSigned = 0;
            double c = 0;
            for (int p = active; p < d; p++) {
                if (best < 0 || Math.abs(cov[p]) > c) {
                    best = p;
                    bestSigned = cov[p];
                    c = Math.abs(cov[p]);
                }
            }
            double alpha = c / samples;
            setAlpha(path, iteration, alpha);
            if (alpha <= EQUALITY_TOLERANCE) {
                setAlpha(path, iteration, 0.0);
                break;
            }
            if (iteration >= MAX_ITERATIONS || active >= d) {
                break;
            }
            if (!drop) {
                swap(order, cov, best, active);
                int feature = order[active];
                double[] row = lower[active];
                for (int i = 0; i < active; i++) {
                    row[i] = gram[feature][order[i]];
                }
                double[] w = Cholesky.solveLower(lower, row, active);
                System.arraycopy(w, 0, row, 0, active);
                double norm = 0;
                for (int i = 0; i < active; i++) {
                    norm += w[i] * w[i];
                }
                double diagonal = Math.max(Math.sqrt(Math.abs(gram[feature][feature] - norm)), EPS);
                row[active] = diagonal;
                if (diagonal < DEGENERATE_PIVOT) {
                    cov[active] = 0;
                    Arrays.fill(row, 0);
                    continue;
                }
                signs[active] = Math.signum(bestSigned);
                active++;
            }
            if (iteration > 0 && path.alphas.get(iteration - 1) < path.alphas.get(iteration)) {
                break;
            }

            double[] direction = leastSquares(lower, signs, active);
            double aa = direction[active];

            double g1 = Double.MAX_VALUE;
            double g2 = Double.MAX_VALUE;
            double[] correlationWithDirection = new double[d];
            for (int p = active; p < d; p++) {
                double[] g = gram[order[p]];
                double a = 0;
                for (int i = 0; i < active; i++) {
                    a += g[order[i]] * direction[i];
                }
                correlationWithDirection[p] = a;
                g1 = minPositive(g1, (c - cov[p]) / (aa - a + TINY32));
                g2 = minPositive(g2, (c + cov[p]) / (aa + a + TINY32));
            }
            double gamma = Math.min(Math.min(g1, g2), c / aa);

            drop = false;
            double[] z = new double[active];
            double zMin = Double.MAX_VALUE;
            for (int i = 0; i < active; i++) {
                z[i] = -coef[order[i]] / (direction[i] + TINY32);
                zMin = minPositive(zMin, z[i]);
            }
            if (zMin < gamma) {
                int count = 0;
                for (int i = active - 1; i >= 0; i--) {
                    if (z[i] == zMin) {
                        count++;
                    }
                }
                dropped = new int[count];
                int next = 0;
                for (int i = active - 1; i >= 0; i--) {
                    if (z[i] == zMin) {
                        dropped[next++] = i;
                        signs[i] = -signs[i];
                    }
                }
                gamma = zMin;
                drop = true;
            }

            iteration++;
            double[] previous = coef;
            coef = new double[d];
            for (int i = 0; i < active; i++) {
                int f = order[i];
                coef[f] = previous[f] + gamma * direction[i];
            }
            path.coefficients.add(coef);
            for (int p = active; p < d; p++) {
                cov[p] -= gamma * correlationWithDirection[p];
            }

            if (drop) {
                for (int position : dropped) {
                    deleteFromCholesky(lower, active, position);
                }
                active -= 1;
                for (int position : dropped) {
                    for (int i = position; i < active; i++) {
                        swapPositions(order, i, i + 1);
                        double s = signs[i];
                        signs[i] = signs[i + 1];
                        signs[i + 1] = s;
                    }
                }
                int leaving = order[active];
                double residualCorrelation = xy[leaving];
                for (int i = 0; i < active; i++) {
                    residualCorrelation -= gram[leaving][order[i]] * coef[order[i]];
                }
                cov[active] = residualCorrelation;
                signs[active] = 0;
            }
        }
        return path;
    }

    private static void setAlpha(LarsLassoPath path, int iteration, double alpha) {
        if (path.alphas.size() > iteration) {
            path.alphas.set(iteration, alpha);
        } else {
            path.alphas.add(alpha);
        }
    }

    /**
     * Solves {@code L L^T x = signs} and normalises it to the equiangular direction; returns x
     * scaled by {@code AA = 1 / sqrt(x . signs)} with AA itself at index {@code active}.
     */
    private static double[] leastSquares(double[][] lower, double[] signs, int active) {
        double[] rhs = Arrays.copyOf(signs, active);
        double[] x = Cholesky.solveTransposed(lower, Cholesky.solveLower(lower, rhs, active), active);
        double[] result = Arrays.copyOf(x, active + 1);
        double aa;
        if (active == 1 && x[0] == 0) {
            result[0] = 1;
            aa = 1;
        } else {
            aa = 1 / Math.sqrt(dot(x, rhs, active));
            int attempt = 0;
            while (!Double.isFinite(aa)) {
                double[][] jittered = new double[active][];
                for (int i = 0; i < active; i++) {
                    jittered[i] = Arrays.copyOf(lower[i], active);
                    jittered[i][i] += Math.pow(2, attempt) * EPS;
                }
                x = Cholesky.solveTransposed(jittered, Cholesky.solveLower(jittered, rhs, active), active);
                aa = 1 / Math.sqrt(Math.max(dot(x, rhs, active), EPS));
                attempt++;
            }
            for (int i = 0; i < active; i++) {
                result[i] = x[i] * aa;
            }
        }
        result[active] = aa;
        return result;
    }

    private static double dot(double[] a, double[] b, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double minPositive(double current, double candidate) {
        return candidate > 0 && candidate < current ? candidate : current;
    }

    private static void swap(int[] order, double[] cov, int p, int q) {
        swapPositions(order, p, q);
        double c = cov[p];
        cov[p] = cov[q];
        cov[q] = c;
    }

    private static void swapPositions(int[] order, int p, int q) {
        int o = order[p];
        order[p] = order[q];
        order[q] = o;
    }

    /**
     * Removes row and column {@code k} from the n x n lower Cholesky factor in place: the rows
     * below move up one and Givens rotations restore the triangle.
     */
    static void deleteFromCholesky(double[][] lower, int n, int k) {
        for (int i = k; i < n - 1; i++) {
            System.arraycopy(lower[i + 1], 0, lower[i], 0, n);
        }
        Arrays.fill(lower[n - 1], 0, n, 0);
        for (int i = k; i < n - 1; i++) {
            double a = lower[i][i];
            double b = lower[i][i + 1];
            double r = Math.hypot(a, b);
            if (r == 0) {
                continue;
            }
            double cos = a / r;
            double sin = b / r;
            for (int row = i; row < n - 1; row++) {
                double x = lower[row][i];
                double y = lower[row][i + 1];
                lower[row][i] = cos * x + sin * y;
                lower[row][i + 1] = -sin * x + cos * y;
            }
            lower[i][i + 1] = 0;
        }
        for (int i = 0; i < n; i++) {
            lower[i][n - 1] = 0;
        }
    }
}
