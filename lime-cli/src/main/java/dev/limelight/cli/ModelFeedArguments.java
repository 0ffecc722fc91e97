package dev.limelight.cli;

import dev.limelight.core.OutputKind;
import dev.limelight.models.ClassNames;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelFileException;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say how to feed a model (labels, preprocessing, input size, output kind), shared
 * by the commands that load one (a picocli mixin), and the loading itself with errors phrased in
 * terms of these options. {@link ModelArguments} adds the required {@code --model}; {@code compare},
 * which can also read saved runs, names its models itself.
 */
class ModelFeedArguments {

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names: imagenet_class_index.json style, or one name per line.")
    private Path labels;

    @Option(names = "--preprocess", paramLabel = "PRESET",
            description = "inception (x/127.5-1), unit (x/255), caffe (BGR, mean subtracted) or none "
                    + "(default: the model card's, else unit).")
    private String preprocess;

    @Option(names = "--input-size", paramLabel = "HxW",
            description = "The model's input size, for models that do not say it (fully convolutional ones, "
                    + "DL4J zips without a model card), e.g. 224x224.")
    private String inputSize;

    @Option(names = "--logits", description = "The model outputs logits: apply a softmax.")
    private boolean logits;

    @Option(names = "--output", paramLabel = "KIND", defaultValue = "auto",
            description = "What the model outputs: softmax (class probabilities), sigmoid (one unit: a binary "
                    + "classifier), multi-label (independent sigmoids, each label explained on its own), regression "
                    + "(one value). Default: auto, declared by the model's last layer.")
    private String output;

    /** @return the model options these arguments give (what the model file says fills the rest) */
    ModelOptions options() {
        ModelOptions.Builder options = ModelOptions.builder().logits(logits);
        InputSize.parse(inputSize).ifPresent(size -> options.inputSize(size[0], size[1]));
        if (preprocess != null) {
            options.preprocessing(Preprocessing.byName(preprocess));
        }
        if (labels != null) {
            options.classNames(ClassNames.read(labels));
        }
        if (!output.trim().equalsIgnoreCase("auto")) {
            options.outputKind(OutputKind.parse(output));
        }
        return options.build();
    }

    /**
     * @param file another model file, read with the same options (a second model to compare)
     * @return it as an image classifier
     * @throws BadInputException or the models module's {@link ModelFileException} (both exit code 2)
     */
    NetworkImageClassifier load(Path file) {
        try {
            return ImageModels.load(file, options());
        } catch (ModelFileException e) {
            if (e.problem() == ModelFileException.Problem.UNKNOWN_INPUT_SIZE) {
                throw new BadInputException(file + " does not say how large its input images are (fully convolutional, "
                        + "or a DL4J zip without a model card): give it with --input-size HEIGHTxWIDTH", e);
            }
            throw e;
        }
    }
}
