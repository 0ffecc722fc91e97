package dev.limelight.core;

/**
 * Which of a model's outputs an explanation's surrogate fits, as explanation.json and the report say
 * it ({@code explainedOutput}).
 *
 * @param space       {@code probability} (the model's class probabilities), {@code calibrated}
 *                    (temperature-scaled probabilities), {@code logit} (the network's scores before
 *                    its final softmax), or, for models that are not softmax classifiers, their
 *                    output kind ({@code sigmoid}, {@code multi-label}, {@code regression})
 * @param temperature the temperature of {@code calibrated}, else NaN
 * @param source      where the temperature came from (a calibration file, the model card), else null
 */
public record ExplainedOutput(String space, double temperature, String source) {

    /** The model's class probabilities as they are. */
    public static final ExplainedOutput PROBABILITY = new ExplainedOutput("probability", Double.NaN, null);

    /** @throws IllegalArgumentException for a missing space or a calibrated one without a valid temperature */
    public ExplainedOutput {
        if (space == null || space.isBlank()) {
            throw new IllegalArgumentException("an explained output needs a space");
        }
        if (space.equals("calibrated") && !(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("a calibrated output needs a finite temperature > 0, got " + temperature);
        }
    }

    /** @return the outputs of a model of this kind as they are */
    public static ExplainedOutput of(OutputKind kind) {
        return kind == OutputKind.SOFTMAX ? PROBABILITY : new ExplainedOutput(kind.label(), Double.NaN, null);
    }

    /**
     * @param temperature the temperature
     * @param source      where it came from
     * @return temperature-scaled probabilities
     */
    public static ExplainedOutput calibrated(double temperature, String source) {
        return new ExplainedOutput("calibrated", temperature, source);
    }

    /** @return the output in words, for reports */
    public String describe() {
        return space.equals("calibrated") ? String.format(java.util.Locale.ROOT,
                "calibrated probabilities (temperature %.4f%s)", temperature, source == null ? "" : ", " + source)
                : space.equals("probability") ? "the model's probabilities"
                : space.equals("logit") ? "the model's logits (its final softmax removed)"
                : "the model's " + space + " outputs";
    }
}
