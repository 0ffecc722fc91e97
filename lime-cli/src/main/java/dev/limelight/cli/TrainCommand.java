package dev.limelight.cli;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.core.ImageInput;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainedModel;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight train}: trains the bundled architecture on a labelled folder and writes
 * OUT/model.zip (with its model card), OUT/training.json and OUT/reliability.png.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a small CNN (the bundled model's architecture, sized to the folder's images) on a labelled "
                + "folder: a stratified validation split, a temperature fitted on it, a model card. Writes OUT/model.zip, "
                + "OUT/training.json and OUT/reliability.png. Exit 2 for bad input.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Labelled images: one sub-folder per class (the sub-folders' names, sorted, are the classes).")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: model.zip, training.json, reliability.png.")
    private Path out;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "5",
            description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the split, the batch order and the weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--validation", paramLabel = "SHARE", defaultValue = "0.1",
            description = "Share of each class held out for validation and the temperature fit, in [0, 1) "
                    + "(default: ${DEFAULT-VALUE}).")
    private double validation;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
            description = "Images per gradient step (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.002",
            description = "Adam's learning rate in the first epoch, halved after each (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--max-side", paramLabel = "PIXELS", defaultValue = "" + TrainingImages.DEFAULT_MAX_SIDE,
            description = "Images are resized to the folder's most common size, scaled down so that the longer side "
                    + "is at most this (default: ${DEFAULT-VALUE}).")
    private int maxSide;

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name in its card (default: the data "
            + "folder's name).")
    private String name;

    @Option(names = "--quiet", description = "No progress lines.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        LabelledDataArguments.refuseTable(data, "train");
        TrainingOptions options = trainingOptions(epochs, batch, learningRate, TrainingOptions.DEFAULTS.decay(), seed,
                validation, "--validation");
        if (maxSide < dev.limelight.models.SmallCnn.MIN_SIDE) {
            throw new BadInputException("--max-side must be at least " + dev.limelight.models.SmallCnn.MIN_SIDE
                    + ", got " + maxSide);
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, quiet);
        LabelledFolder folder = LabelledFolder.read(data).decodable();
        if (folder.classes().size() < 2) {
            throw new BadInputException(data + " has one class folder " + folder.classes()
                    + ": a classifier needs at least two");
        }
        folder.skipped().forEach(s -> err.printf("skipped %s: %s%n", s.path(), s.reason()));
        ImageInput input = TrainingImages.inputFor(folder, maxSide);
        TrainingImages images = TrainingImages.read(folder, input, progress);
        String modelName = name != null ? name : folder.root().getFileName().toString();
        if (!quiet) {
            err.printf(Locale.ROOT, "training %s on %d images of %d classes at %d x %d x %d%n", modelName,
                    images.size(), images.classNames().size(), input.width(), input.height(), input.channels());
        }
        TrainedModel trained = ImageTrainer.train(modelName, images, options, progress);
        Path model = trained.write(out);
        PrintWriter printer = spec.commandLine().getOut();
        for (ImageTrainer.EpochRecord e : trained.history()) {
            printer.printf(Locale.ROOT, "epoch %d: mean loss %.4f, validation accuracy %.4f, %.1f s%n", e.epoch(),
                    e.meanLoss(), e.validationAccuracy(), e.seconds());
        }
        printer.printf(Locale.ROOT, "validation accuracy %.4f (%d images), temperature %.3f%n",
                trained.validationAccuracy(), trained.validationCount(), trained.card().temperature());
        printer.printf("wrote %s and %s%n", model, out.resolve(TrainedModel.TRAINING_FILE));
        return Limelight.DONE;
    }

    /** Training options from command-line values, bad ones as exit 2 naming the option. */
    static TrainingOptions trainingOptions(int epochs, int batch, double learningRate, double decay, long seed,
                                           double validation, String validationOption) {
        if (epochs < 1) {
            throw new BadInputException("--epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw new BadInputException("--batch must be at least 1, got " + batch);
        }
        if (!(learningRate > 0)) {
            throw new BadInputException("--learning-rate must be positive, got " + learningRate);
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new BadInputException(validationOption + " must be in [0, 1), got " + validation);
        }
        return new TrainingOptions(epochs, batch, learningRate, decay, seed, validation);
    }
}
