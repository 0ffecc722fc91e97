package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The LARS-lasso path satisfies the lasso's optimality conditions at every knot, including the
 * knots where a coefficient leaves the active set.
 */
class LarsLassoPathTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void everyKnotSatisfiesTheLassoOptimalityConditions() {
        int drops = 0;
        for (long seed = 0; seed < 40; seed++) {
            Problem problem = Problem.correlated(60, 8, seed);
            LarsLassoPath path = LarsLassoPath.compute(problem.gram, problem.xy, problem.n);
            List<double[]> knots = path.coefficients();
            assertEquals(knots.size(), path.alphas().size(), "one alpha per knot");
            for (int k = 0; k < knots.size(); k++) {
                assertOptimal(problem, knots.get(k), path.alphas().get(k), "seed " + seed + " knot " + k);
            }
            drops += countDrops(knots);
        }
        assertTrue(drops > 0, "the correlated problems should exercise coefficients leaving the path");
    }

    @Test
    void choleskyDeletionLeavesTheFactorOfTheReducedMatrix() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 6;
        double[][] m = new double[n + 3][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (double[] row : m) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        double[][] lower = factor(a);
        int removed = 2;
        LarsLassoPath.deleteFromCholesky(lower, n, removed);
        for (int i = 0, ri = 0; i < n; i++) {
            if (i == removed) {
                continue;
            }
            for (int j = 0, rj = 0; j < n; j++) {
                if (j == removed) {
                    continue;
                }
                double product = 0;
                for (int k = 0; k < n - 1; k++) {
                    product += lower[ri][k] * lower[rj][k];
                }
                assertEquals(a[i][j], product, 1e-10, "entry " + i + "," + j);
                rj++;
            }
            ri++;
        }
        for (int i = 0; i < n - 1; i++) {
            assertTrue(lower[i][i] > 0, "positive diagonal");
            for (int j = i + 1; j < n; j++) {
                assertEquals(0, lower[i][j], 0, "upper triangle is zero");
            }
        }
    }

    private static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }

    private static void assertOptimal(Problem p, double[] beta, double alpha, String where) {
        int d = p.xy.length;
        for (int j = 0; j < d; j++) {
            double c = p.xy[j];
            for (int k = 0; k < d; k++) {
                c -= p.gram[j][k] * beta[k];
            }
            c /= p.n;
            // A coefficient leaving the active set is ~1e-17 at its knot (as in the reference).
            if (Math.abs(beta[j]) > 1e-12) {
                assertEquals(alpha * Math.signum(beta[j]), c, TOLERANCE, where + ": active feature " + j);
            } else {
                assertTrue(Math.abs(c) <= alpha + TOLERANCE, where + ": inactive feature " + j + " |c|=" + Math.abs(c)
                        + " > alpha=" + alpha);
            }
        }
    }

    private static int countDrops(List<double[]> knots) {
        int drops = 0;
        for (int k = 1; k < knots.size(); k++) {
            for (int j = 0; j < knots.get(k).length; j++) {
                if (knots.get(k - 1)[j] != 0 && knots.get(k)[j] == 0) {
                    drops++;
                }
            }
        }
        return drops;
    }

    /** A least-squares problem with correlated columns, as Gram matrix and correlations. */
    record Problem(double[][] gram, double[] xy, int n) {
        /**
         * Column 2 is close to the sum of columns 0 and 1, so it enters the path first, but the true
         * model gives it a negative coefficient: its positive coefficient must cross zero and leave.
         */
        static Problem correlated(int n, int d, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = random.nextGaussian();
                }
                x[i][2] = 0.7 * (x[i][0] + x[i][1]) + 0.3 * x[i][2];
                y[i] = 1.2 * x[i][0] + 1.2 * x[i][1] - 0.5 * x[i][2] + 0.3 * x[i][3] + 0.1 * random.nextGaussian();
            }
            double[][] gram = new double[d][d];
            double[] xy = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    xy[j] += x[i][j] * y[i];
                    for (int k = 0; k < d; k++) {
                        gram[j][k] += x[i][j] * x[i][k];
                    }
                }
            }
            return new Problem(gram, xy, n);
        }
    }
}
