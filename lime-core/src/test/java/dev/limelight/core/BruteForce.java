package dev.limelight.core;

/**
 * Slow, obviously correct re-implementations used as oracles: weighted least squares refitted
 * over all N rows, as the reference does.
 */
final class BruteForce {

    private BruteForce() {
    }

    /** Weighted R^2 of a least-squares fit with intercept on the given columns. */
    static double weightedR2(double[][] z, double[] y, double[] w, int[] columns) {
        int n = z.length;
        int k = columns.length + 1;
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < n; i++) {
            double[] x = row(z[i], columns);
            for (int r = 0; r < k; r++) {
                b[r] += w[i] * x[r] * y[i];
                for (int c = 0; c < k; c++) {
                    a[r][c] += w[i] * x[r] * x[c];
                }
            }
        }
        double[] beta = Cholesky.factor(a).solve(b);
        double sw = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            mean += w[i] * y[i];
        }
        mean /= sw;
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double[] x = row(z[i], columns);
            double fit = 0;
            for (int r = 0; r < k; r++) {
                fit += beta[r] * x[r];
            }
            rss += w[i] * (y[i] - fit) * (y[i] - fit);
            tss += w[i] * (y[i] - mean) * (y[i] - mean);
        }
        return 1 - rss / tss;
    }

    /** The reference's forward selection: K rounds of refits, strictly better score wins. */
    static int[] forwardSelection(double[][] z, double[] y, double[] w, int k) {
        int d = z[0].length;
        int[] used = new int[0];
        for (int round = 0; round < k; round++) {
            double best = Double.NEGATIVE_INFINITY;
            int bestFeature = -1;
            for (int j = 0; j < d; j++) {
                final int candidate = j;
                if (java.util.Arrays.stream(used).anyMatch(u -> u == candidate)) {
                    continue;
                }
                int[] trial = java.util.Arrays.copyOf(used, used.length + 1);
                trial[used.length] = j;
                double score = weightedR2(z, y, w, trial);
                if (score > best) {
                    best = score;
                    bestFeature = j;
                }
            }
            used = java.util.Arrays.copyOf(used, used.length + 1);
            used[used.length - 1] = bestFeature;
        }
        return used;
    }

    private static double[] row(double[] z, int[] columns) {
        double[] x = new double[columns.length + 1];
        x[0] = 1;
        for (int c = 0; c < columns.length; c++) {
            x[c + 1] = z[columns[c]];
        }
        return x;
    }
}
