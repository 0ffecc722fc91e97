package dev.limelight.models.calibration;

import dev.limelight.core.ImageClassifier;
import dev.limelight.models.NetworkImageClassifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of a model's outputs an explanation's surrogate fits ("Calibrate to Interpret", Scafarto et
 * al. 2022: calibrate, and choose the explained output, before explaining). The explanation JSON's
 * {@code explainedOutput} says which was used.
 */
public enum ExplainSpace {

    /** The model's class probabilities as they are. */
    PROBABILITY,

    /**
     * Temperature-scaled probabilities: the temperature of a calibration file when one is given,
     * else the model card's.
     */
    CALIBRATED,

    /**
     * The network's scores before its final softmax (not log-probabilities): weights scale by 1 / T
     * when the logits are divided by T, where probabilities change shape.
     */
    LOGIT;

    /** @return the lower-case name, as the command line spells it */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text probability, calibrated or logit (any case)
     * @return the space
     * @throws IllegalArgumentException for anything else
     */
    public static ExplainSpace parse(String text) {
        for (ExplainSpace space : values()) {
            if (space.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return space;
            }
        }
        throw new IllegalArgumentException("unknown explain space '" + text + "': use "
                + Arrays.stream(values()).map(ExplainSpace::id).collect(Collectors.joining(", ")));
    }

    /**
     * The space a user gets without choosing: calibrated when a calibration is given, else probability.
     *
     * @param calibration a calibration file's temperature, if one is given
     * @return the space
     */
    public static ExplainSpace byDefault(Optional<Temperature> calibration) {
        return calibration.isPresent() ? CALIBRATED : PROBABILITY;
    }

    /**
     * @param model       the loaded model, a softmax classifier for {@link #CALIBRATED} and {@link #LOGIT}
     * @param calibration a calibration file's temperature, if one is given: it wins over the model
     *                    card's; only {@link #CALIBRATED} takes one
     * @return the classifier whose outputs the explanation fits
     * @throws IllegalArgumentException when a calibration is given to another space, when
     *                                  {@link #CALIBRATED} finds no temperature, or {@link #LOGIT}
     *                                  finds no softmax to remove
     */
    public ImageClassifier apply(NetworkImageClassifier model, Optional<Temperature> calibration) {
        if (this != CALIBRATED && calibration.isPresent()) {
            throw new IllegalArgumentException("a calibration scales probabilities; the " + id() + " space does not "
                    + "use one (explain the calibrated space, or give no calibration)");
        }
        return switch (this) {
            case PROBABILITY -> model;
            case CALIBRATED -> calibration.or(() -> Temperature.fromCard(model)).orElseThrow(() ->
                    new IllegalArgumentException("the calibrated space needs a temperature: " + model.name()
                            + " has no model card; give a calibration file (limelight calibrate writes one)"))
                    .applyTo(model);
            case LOGIT -> model.inLogitSpace();
        };
    }
}
