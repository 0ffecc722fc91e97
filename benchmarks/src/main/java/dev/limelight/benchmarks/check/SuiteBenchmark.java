package dev.limelight.benchmarks.check;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.benchmarks.spark.FashionMnistFolder;
import dev.limelight.check.CheckResult;
import dev.limelight.check.ModelSuite;
import dev.limelight.check.SuiteResult;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Model tests at benchmark size: the six tests of {@code suites/fashion-mnist-six.yaml} (threshold
 * accuracy and calibration error, two invariances, a brightness flip search, a no-reliance
 * explanation test) over Fashion-MNIST test images with the bundled CNN, printing per test its time,
 * model calls, images scored and files decoded, and the classifying pass's time.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.check.SuiteBenchmark OUT [PER_CLASS]}
 * (default 60 a class: 600 images).
 */
public final class SuiteBenchmark {

    private SuiteBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SuiteBenchmark OUT [PER_CLASS]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path data = out.resolve("data");
        if (!Files.isDirectory(data)) {
            FashionMnistFolder.write(data, perClass);
        }
        Path suiteFile = out.resolve("fashion-mnist-six.yaml");
        try (InputStream in = SuiteBenchmark.class.getResourceAsStream("/suites/fashion-mnist-six.yaml")) {
            Files.copy(in, suiteFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        NetworkImageClassifier model = BundledModels.fashionMnist();
        LabelledFolder folder = LabelledFolder.read(data, model.classNames());
        ModelSuite suite = ModelSuite.load(suiteFile);
        System.out.printf(Locale.ROOT, "%d images, %d tests, %d cores%n", folder.images().size(), suite.tests().size(),
                Runtime.getRuntime().availableProcessors());

        long started = System.nanoTime();
        SuiteResult result = suite.run(model, folder, java.util.Map.of(), 32);
        double total = (System.nanoTime() - started) / 1e9;
        result.write(out.resolve("results"));

        double tests = 0;
        System.out.printf(Locale.ROOT, "%-16s %-15s %-7s %9s %8s %12s %9s %11s%n", "test", "type", "verdict",
                "seconds", "calls", "images", "decoded", "value");
        for (CheckResult t : result.tests()) {
            CheckResult.Cost c = t.cost();
            tests += c.seconds();
            System.out.printf(Locale.ROOT, "%-16s %-15s %-7s %9.2f %8d %12d %9d %11.4f%n", t.name(), t.type(),
                    t.passed() ? "passed" : "failed", c.seconds(), c.modelCalls(), c.imagesScored(), c.decodes(),
                    t.value());
        }
        System.out.printf(Locale.ROOT, "classifying pass (decode, classify, properties, tags): %.2f s; tests %.2f s; "
                + "run %.2f s%n", total - tests, tests, total);
    }
}
