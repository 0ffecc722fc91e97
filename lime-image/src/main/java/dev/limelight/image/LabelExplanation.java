package dev.limelight.image;

import dev.limelight.core.ExplainedLabel;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.trust.TrustReport;
import java.util.Locale;
import java.util.Objects;

/**
 * The explanation of one label of an image.
 *
 * @param label       the class index
 * @param name        the class name
 * @param probability the model's probability for it on the original image
 * @param surrogate   the K-Lasso fit: segment weights, intercept, score, local prediction
 * @param trust       stability, fidelity and counterfactual, as far as they were asked for
 */
public record LabelExplanation(int label, String name, double probability, LocalExplanation surrogate,
                               TrustReport trust) implements ExplainedLabel {

    /** Replaces a null trust report by {@link TrustReport#NONE}. */
    public LabelExplanation {
        Objects.requireNonNull(surrogate, "surrogate");
        trust = trust == null ? TrustReport.NONE : trust;
    }

    /** An explanation without trust measures. */
    public LabelExplanation(int label, String name, double probability, LocalExplanation surrogate) {
        this(label, name, probability, surrogate, TrustReport.NONE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d %s (p=%.4f): %s", label, name, probability, surrogate);
    }
}
