package dev.limelight.tabular;

import java.util.SplittableRandom;

/**
 * A feature column as training data holds it, and what LIME makes of it: the interpretable feature
 * of a row's value is its bin (numeric columns) or its category, named as a condition; a perturbed
 * row keeps that bin or category, or takes another one drawn with the training frequencies, as the
 * reference {@code LimeTabularExplainer} does.
 */
public sealed interface ColumnDistribution permits NumericDistribution, CategoricalDistribution {

    /** @return the column's name */
    String name();

    /**
     * @param value a row's encoded value
     * @return the condition it meets, in words: {@code "age > 42.00"}, {@code "island = Dream"}
     */
    String condition(double value);

    /**
     * @param value a row's encoded value
     * @return the share of training rows whose value falls where it does (its bin, its category): how
     *         often a perturbed row keeps it
     */
    double keepProbability(double value);

    /**
     * A value for a perturbed row.
     *
     * @param original the explained row's encoded value
     * @param kept     whether the row keeps the original's bin or category
     * @param random   the row's random source
     * @return kept: a value of the original's bin (a numeric column) or the original's category;
     *         else a value of another bin or category, drawn with the training frequencies
     */
    double draw(double original, boolean kept, SplittableRandom random);

    /**
     * Draws an index in proportion to the counts, leaving one out.
     *
     * @param weights non-negative counts
     * @param except  the index never drawn, or -1
     * @return the index; {@code except} only when every other count is zero
     */
    static int drawExcept(long[] weights, int except, SplittableRandom random) {
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += i == except ? 0 : weights[i];
        }
        if (total <= 0) {
            return except;
        }
        double u = random.nextDouble() * total;
        int last = except;
        for (int i = 0; i < weights.length; i++) {
            if (i == except || weights[i] <= 0) {
                continue;
            }
            last = i;
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return last;
    }
}
