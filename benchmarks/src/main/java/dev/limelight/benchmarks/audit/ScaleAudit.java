package dev.limelight.benchmarks.audit;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.benchmarks.spark.FashionMnistFolder;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the audit-at-scale programs share, read from their arguments {@code OUT [PER_CLASS] [EXPLAINED]}:
 * the output folder, a folder of Fashion-MNIST test images (PER_CLASS a class, 1000 by default,
 * written to {@code OUT/data} on the first run), the bundled CNN, and how many images to explain.
 *
 * @param out       the output folder
 * @param folder    the labelled images
 * @param model     the bundled CNN
 * @param explained images to explain
 */
record ScaleAudit(Path out, LabelledFolder folder, NetworkImageClassifier model, int explained) {

    /** Reads the arguments (200 explained by default); prints the usage and exits with 2 without an output folder. */
    static ScaleAudit of(String[] args, String program) throws IOException {
        return of(args, program, 200);
    }

    /** As {@link #of(String[], String)} with another default number of explained images. */
    static ScaleAudit of(String[] args, String program, int defaultExplained) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: " + program + " OUT [PER_CLASS] [EXPLAINED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int explained = args.length > 2 ? Integer.parseInt(args[2]) : defaultExplained;
        Path data = out.resolve("data");
        if (!Files.isDirectory(data)) {
            FashionMnistFolder.write(data, perClass);
        }
        NetworkImageClassifier model = BundledModels.fashionMnist();
        return new ScaleAudit(out, LabelledFolder.read(data, model.classNames()), model, explained);
    }
}
