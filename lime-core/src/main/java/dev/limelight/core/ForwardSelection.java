package dev.limelight.core;

import java.util.Arrays;

/**
 * Greedy forward selection on the weighted Gram matrix, equal to the reference's K rounds of
 * {@code Ridge(alpha=0)} refits but without touching the N samples again.
 *
 * <p>With the Cholesky factor {@code L} of the chosen features' Gram block and
 * {@code c = L^-1 b_S}, adding a candidate j extends {@code L} by the row
 * {@code w = L^-1 G_Sj} and the pivot {@code z = sqrt(G_jj - w.w)}, and lowers the residual sum of
 * squares by {@code ((b_j - w.c) / z)^2}. The candidate with the largest drop has the highest
 * R^2; each candidate costs O(k^2) instead of a refit over all N rows. A candidate that is
 * collinear with the chosen ones (pivot numerically 0) explains nothing new, which is what the
 * reference's least-squares fallback gives it too.
 */
final class ForwardSelection {

    /** Relative pivot below which a candidate counts as collinear with the chosen features. */
    private static final double COLLINEAR = 1e-12;

    /**
     * Relative margin a candidate's gain must exceed the best one by to replace it. Identical
     * columns tie exactly in the reference; here their Gram entries may differ in the last bits
     * (BLAS sums them in another order), so the lower index keeps ties as the reference does.
     */
    private static final double TIE = 1e-12;

    private ForwardSelection() {
    }

    static int[] select(WeightedDesign design, int slot, int numFeatures) {
        double[][] gram = design.gram;
        double[] b = design.labelCovariances[slot];
        int d = design.featureCount;
        int rounds = Math.min(numFeatures, d);

        int[] chosen = new int[rounds];
        boolean[] used = new boolean[d];
        // Cholesky rows of the chosen, non-collinear features ("basis") and c = L^-1 b_basis.
        double[][] lower = new double[rounds][];
        double[] c = new double[rounds];
        int[] basis = new int[rounds];
        int basisSize = 0;
        double[] w = new double[rounds];

        for (int round = 0; round < rounds; round++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            double[] bestRow = null;
            double bestPivot = 0;
            for (int j = 0; j < d; j++) {
                if (used[j]) {
                    continue;
                }
                double[] gj = gram[j];
                double norm = 0;
                double projected = 0;
                for (int i = 0; i < basisSize; i++) {
                    double sum = gj[basis[i]];
                    double[] li = lower[i];
                    for (int k = 0; k < i; k++) {
                        sum -= li[k] * w[k];
                    }
                    w[i] = sum / li[i];
                    norm += w[i] * w[i];
                    projected += w[i] * c[i];
                }
                double pivotSquared = gj[j] - norm;
                double gain = 0;
                if (pivotSquared > COLLINEAR * Math.abs(gj[j]) && pivotSquared > 0) {
                    double r = b[j] - projected;
                    gain = r * r / pivotSquared;
                } else {
                    pivotSquared = 0;
                }
                if (best < 0 || gain > bestGain + TIE * Math.abs(bestGain)) {
                    best = j;
                    bestGain = gain;
                    bestRow = Arrays.copyOf(w, basisSize);
                    bestPivot = pivotSquared;
                }
            }
            chosen[round] = best;
            used[best] = true;
            if (bestPivot > 0) {
                double pivot = Math.sqrt(bestPivot);
                double[] row = Arrays.copyOf(bestRow, basisSize + 1);
                row[basisSize] = pivot;
                double projected = 0;
                for (int i = 0; i < basisSize; i++) {
                    projected += row[i] * c[i];
                }
                lower[basisSize] = row;
                c[basisSize] = (b[best] - projected) / pivot;
                basis[basisSize] = best;
                basisSize++;
            }
        }
        return chosen;
    }
}
