package dev.limelight.cli;

import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelFileException;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Path;

/** Loads models for the commands, phrasing the models module's errors in terms of the options. */
final class CliModels {

    private CliModels() {
    }

    static NetworkImageClassifier load(Path file, ModelOptions options) {
        try {
            return ImageModels.load(file, options);
        } catch (ModelFileException e) {
            if (e.problem() == ModelFileException.Problem.UNKNOWN_INPUT_SIZE) {
                throw new BadInputException(file + " does not say how large its input images are (fully convolutional, "
                        + "or a DL4J zip without a model card): give it with --input-size HEIGHTxWIDTH", e);
            }
            throw e;
        }
    }
}
