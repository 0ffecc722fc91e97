package dev.limelight.cli;

import dev.limelight.core.ImageClassifier;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.Temperature;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --calibration FILE}: the temperature a command applies to the model's probabilities. */
final class CalibrationArguments {

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "A calibration.json from limelight calibrate: use the temperature-scaled probabilities (the "
                    + "JSON says which temperature and from where). A file for another class count is exit 2.")
    Path calibration;

    /** @return the file's temperature for this model, if a file is given (exit 2 when it cannot be read or does not fit) */
    Optional<Temperature> temperature(NetworkImageClassifier model) {
        return temperature(calibration, model);
    }

    /** @return the model with the file's temperature applied, or the model as it is without a file */
    ImageClassifier apply(NetworkImageClassifier model) {
        return apply(calibration, model);
    }

    /** @return the temperature of a calibration file (null: none) for the model (exit 2 when it does not fit) */
    static Optional<Temperature> temperature(Path file, NetworkImageClassifier model) {
        try {
            return Optional.ofNullable(file).map(f -> Temperature.fromFile(f, model));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** @return the model with a calibration file's temperature (null: none) applied */
    static ImageClassifier apply(Path file, NetworkImageClassifier model) {
        return temperature(file, model).<ImageClassifier>map(t -> t.applyTo(model)).orElse(model);
    }
}
