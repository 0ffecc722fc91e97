package dev.limelight.core;

/**
 * Cholesky factor {@code L} of a small symmetric positive definite matrix ({@code A = L L^T}),
 * in double precision, with the triangular solves the surrogate fits need.
 */
final class Cholesky {

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factors {@code a}; only its lower triangle is read.
     *
     * @return the factor, or {@code null} if {@code a} is not numerically positive definite
     */
    static Cholesky factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] li = l[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j];
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    li[i] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** Solves {@code A x = b}. */
    double[] solve(double[] b) {
        return solveTransposed(lower, solveLower(lower, b, b.length), b.length);
    }

    /** Solves {@code L y = b} for the leading {@code n} x {@code n} block of a lower factor. */
    static double[] solveLower(double[][] l, double[] b, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                sum -= li[k] * y[k];
            }
            y[i] = sum / li[i];
        }
        return y;
    }

    /** Solves {@code L^T x = y} for the leading {@code n} x {@code n} block of a lower factor. */
    static double[] solveTransposed(double[][] l, double[] y, int n) {
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
