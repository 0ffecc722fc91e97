package dev.limelight.cli;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.CalibrationFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code limelight calibrate}: fits temperature scaling on a labelled folder and writes
 * OUT/calibration.json and OUT/reliability.png.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit temperature scaling to a model on a labelled folder: writes OUT/calibration.json (method, "
                + "temperature, classCount, eceBefore and eceAfter with 95 %% bootstrap intervals) and OUT/reliability.png "
                + "(before and after). Exit 2 for bad input.")
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelArguments modelArguments;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Labelled images: one sub-folder per class.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: calibration.json, reliability.png.")
    private Path out;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Images per model call.")
    private int batch;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "0", description = "Seed of the bootstrap intervals.")
    private long seed;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        LabelledDataArguments.refuseTable(data, "calibrate");
        if (batch < 1) {
            throw new BadInputException("--batch must be at least 1, got " + batch);
        }
        NetworkImageClassifier classifier = modelArguments.load();
        LabelledFolder folder = LabelledFolder.read(data, classifier.classNames()).decodable();
        PrintWriter err = spec.commandLine().getErr();
        folder.skipped().forEach(s -> err.printf("skipped %s: %s%n", s.path(), s.reason()));
        ProgressBar progress = new ProgressBar(err, quiet);
        List<LabelledImage> images = folder.images();
        List<INDArray> parts = new ArrayList<>();
        int[] labels = new int[images.size()];
        for (int from = 0; from < images.size(); from += batch) {
            List<RasterImage> photos = new ArrayList<>();
            for (int i = from; i < Math.min(images.size(), from + batch); i++) {
                photos.add(ImageFiles.read(images.get(i).path()));
                labels[i] = images.get(i).classIndex();
            }
            parts.add(classifier.predict(PhotoBatch.of(photos, classifier.input())));
            progress.progress("classifying", from + photos.size(), images.size());
        }
        INDArray probabilities = Nd4j.vstack(parts.toArray(INDArray[]::new));
        CalibrationFile calibration = CalibrationFile.fit(probabilities, labels, classifier.name(), seed);
        Files.createDirectories(out);
        calibration.write(out.resolve(CalibrationFile.FILE_NAME));
        Path png = out.resolve("reliability.png");
        AtomicFiles.write(png, stream -> javax.imageio.ImageIO.write(
                CalibrationFile.diagram(probabilities, labels, calibration.temperature()).render(), "png", stream));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%d images, temperature %.4f; ECE %.4f (%.4f-%.4f) -> %.4f (%.4f-%.4f)%n",
                calibration.images(), calibration.temperature(), calibration.eceBefore(),
                calibration.eceBeforeInterval()[0], calibration.eceBeforeInterval()[1], calibration.eceAfter(),
                calibration.eceAfterInterval()[0], calibration.eceAfterInterval()[1]);
        printer.printf("wrote %s and %s%n", out.resolve(CalibrationFile.FILE_NAME), png);
        return Limelight.DONE;
    }
}
