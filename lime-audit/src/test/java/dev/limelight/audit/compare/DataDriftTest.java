package dev.limelight.audit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boofcv.alg.filter.blur.GBlurImageOps;
import boofcv.io.image.ConvertBufferedImage;
import boofcv.struct.image.GrayF32;
import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift with known answers: the example Fashion-MNIST folder against the same images blurred
 * (Gaussian, sigma 1.5), and against itself, through the bundled CNN.
 */
class DataDriftTest {

    @TempDir
    static Path dir;
    private static NetworkImageClassifier model;
    private static ModelRun reference;
    private static final AuditOptions OPTIONS = AuditOptions.builder().seed(0).build();

    @BeforeAll
    static void classifyTheExamples() {
        model = BundledModels.fashionMnist();
        reference = ModelRun.of("cnn", model, LabelledFolder.read(Path.of("../examples/fashion-mnist-audit"),
                model.classNames()), OPTIONS);
    }

    private static Path blurredCopy() throws Exception {
        Path root = Path.of("../examples/fashion-mnist-audit");
        Path out = dir.resolve("blurred");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).toList()) {
                BufferedImage image = ImageIO.read(p.toFile());
                GrayF32 grey = ConvertBufferedImage.convertFrom(image, (GrayF32) null);
                GrayF32 blurred = GBlurImageOps.gaussian(grey, null, 1.5, -1, null);
                Path target = out.resolve(root.relativize(p));
                Files.createDirectories(target.getParent());
                ImageIO.write(ConvertBufferedImage.convertTo(blurred, null), "png", target.toFile());
            }
        }
        return out;
    }

    @Test
    void blurredImagesDriftInSharpness() throws Exception {
        ModelRun blurred = ModelRun.of("cnn", model, LabelledFolder.read(blurredCopy(), model.classNames()), OPTIONS);

        DataDrift drift = DataDrift.of(reference, blurred, 0);

        DriftTest sharpness = drift.test("sharpness");
        assertTrue(sharpness.pValue() >= 0 && sharpness.pValue() < 1e-10, "sharpness: " + sharpness);
        assertTrue(drift.test("contrast").pValue() < 0.01, "blurring also flattens contrast");
        assertTrue(drift.test("brightness").pValue() > 0.5, "but keeps the mean grey level");
        assertTrue(sharpness.current() < sharpness.reference(), "blurring lowers it: " + sharpness);
        assertEquals(1.0, drift.test("width").pValue(), "the size does not move");
        assertTrue(drift.test("embedding").pValue() < 0.05, "the model sees it too: " + drift.test("embedding"));
        assertEquals(DataDrift.LISTED, drift.leastLike().size());

        // kept in target/ for CI, which opens the report in Chromium
        Path out = Path.of("target/blur-drift");
        ComparisonReport.write(Comparison.drift(reference, blurred, 0), out);
        assertTrue(Files.size(out.resolve("histograms/sharpness.png")) > 1000);
        assertTrue(Files.readString(out.resolve("report.html")).contains("alt=\"histogram of sharpness\""));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertTrue(json.get("drift").get("sharpness").get("pValue").asDouble() < 1e-10);
    }

    @Test
    void aFolderAgainstItselfDoesNotDrift() {
        ModelRun again = ModelRun.of("cnn", model, reference.folder(), OPTIONS);

        DataDrift drift = DataDrift.of(reference, again, 0);

        drift.tests().forEach((name, test) -> assertTrue(test.pValue() > 0.5, name + ": " + test));
    }
}
