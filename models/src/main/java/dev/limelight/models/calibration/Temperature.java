package dev.limelight.models.calibration;

import dev.limelight.models.NetworkImageClassifier;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A temperature to scale a model's probabilities by, and where it came from (reports and JSON say
 * it). Serializable, so a distributed audit can ship it with the model.
 *
 * @param value  T, finite and > 0
 * @param source where it came from, in words ("calibration file out/calibration.json", "model card")
 */
public record Temperature(double value, String source) implements Serializable {

    /** @throws IllegalArgumentException for a temperature that is not finite and > 0 */
    public Temperature {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a temperature must be finite and > 0, got " + value);
        }
    }

    /**
     * @param file  a calibration.json {@code limelight calibrate} wrote
     * @param model the model it is for
     * @return its temperature
     * @throws IllegalArgumentException naming the file when it cannot be read, or is for another class count
     */
    public static Temperature fromFile(Path file, NetworkImageClassifier model) {
        CalibrationFile calibration = CalibrationFile.read(file).requireClassCount(model.classCount(), model.name());
        return new Temperature(calibration.temperature(), "calibration file " + file);
    }

    /** @return the temperature in the model's card, if it has a card */
    public static Optional<Temperature> fromCard(NetworkImageClassifier model) {
        return model.network().card().map(card -> new Temperature(card.temperature(), "model card"));
    }

    /** @return the model's probabilities scaled by this temperature */
    public CalibratedClassifier applyTo(NetworkImageClassifier model) {
        return new CalibratedClassifier(model, value, source);
    }
}
