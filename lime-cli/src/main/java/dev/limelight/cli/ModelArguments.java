package dev.limelight.cli;

import dev.limelight.models.ModelFileException;
import dev.limelight.models.NetworkImageClassifier;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model file a command runs (required) and how to feed it: a picocli mixin. */
final class ModelArguments extends ModelFeedArguments {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Keras .h5 full model (functional or sequential) or DL4J model zip.")
    Path model;

    /**
     * @return the model as an image classifier
     * @throws BadInputException or the models module's {@link ModelFileException} (both exit code 2)
     */
    NetworkImageClassifier load() {
        return load(model);
    }
}
