package dev.limelight.image;

import dev.limelight.core.LocalExplanation;
import java.util.Locale;

/**
 * The explanation of one label of an image.
 *
 * @param label       the class index
 * @param name        the class name
 * @param probability the model's probability for it on the original image
 * @param surrogate   the K-Lasso fit: segment weights, intercept, score, local prediction
 */
public record LabelExplanation(int label, String name, double probability, LocalExplanation surrogate) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d %s (p=%.4f): %s", label, name, probability, surrogate);
    }
}
