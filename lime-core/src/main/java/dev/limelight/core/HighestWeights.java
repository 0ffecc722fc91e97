package dev.limelight.core;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The reference's "highest weights" selection: a weighted ridge (alpha 0.01) on all features,
 * then the K features with the largest {@code |coef_j * x0_j|}, ties kept in index order.
 */
final class HighestWeights {

    /** The ridge penalty the reference uses for this ranking. */
    static final double RANKING_ALPHA = 0.01;

    private HighestWeights() {
    }

    static int[] select(WeightedDesign design, int slot, int numFeatures) {
        int d = design.featureCount;
        int[] all = new int[d];
        Arrays.setAll(all, i -> i);
        double[] coef = WeightedRidge.fit(design, slot, all, RANKING_ALPHA).coefficients();
        double[] contribution = new double[d];
        for (int j = 0; j < d; j++) {
            contribution[j] = Math.abs(coef[j] * design.original[j]);
        }
        return Arrays.stream(all).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> contribution[j]).reversed())
                .limit(Math.min(numFeatures, d))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
