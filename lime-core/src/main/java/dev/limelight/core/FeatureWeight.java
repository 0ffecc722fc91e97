package dev.limelight.core;

/**
 * One feature of a local explanation and its weight in the surrogate model.
 *
 * @param feature index of the feature in the interpretable representation (a superpixel, a word)
 * @param weight  its coefficient in the weighted ridge surrogate: positive pushes the explained
 *                label's probability up, negative pushes it down
 */
public record FeatureWeight(int feature, double weight) {

    @Override
    public String toString() {
        return feature + "=" + String.format(java.util.Locale.ROOT, "%+.6f", weight);
    }
}
