package dev.limelight.core.trust;

/**
 * Scores perturbed versions of one instance through the model: each mask row says which
 * interpretable features are present (true) or removed (false); the answer is the model's class
 * probabilities for each row. Implementations batch the rows through the same scorer the
 * explainer uses.
 */
@FunctionalInterface
public interface MaskScorer {

    /**
     * @param masks rows of d booleans (d = number of features), at least one row
     * @return one row of class probabilities per mask, in order
     */
    double[][] score(boolean[][] masks);
}
