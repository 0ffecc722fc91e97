package dev.limelight.audit.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boofcv.alg.filter.blur.GBlurImageOps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import boofcv.struct.image.GrayF32;
import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditReport;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weak slices on real data: 600 held-back Fashion-MNIST test images (60 a class, from the bundled
 * CNN's test split), audited with the bundled CNN as they are and with every third image blurred
 * (Gaussian, sigma 1.2). The blurred third must come out as the top slice; the untouched folder must
 * show no slice beyond the per-class gaps.
 */
class FashionMnistSlicesTest {

    private static final int PER_CLASS = 60;

    @TempDir
    static Path dir;
    private static NetworkImageClassifier model;
    private static Path untouched;
    private static Path planted;

    @BeforeAll
    static void writeTheFolders() throws IOException {
        FashionMnist data = FashionMnist.read(SharedData.require("fashion-mnist"));
        model = BundledModels.fashionMnist();
        int[] test = data.split(42, 5000, 10_000).test();
        untouched = dir.resolve("untouched");
        planted = dir.resolve("planted");
        int[] taken = new int[10];
        int written = 0;
        for (int index : test) {
            int label = data.label(index);
            if (taken[label] == PER_CLASS) {
                continue;
            }
            taken[label]++;
            float[] pixels = new float[28 * 28];
            data.copyPixels(index, pixels, 0);
            String name = String.format(Locale.ROOT, "%d/%05d.png", label, index);
            write(pixels, untouched.resolve(name));
            write(written % 3 == 0 ? blur(pixels) : pixels, planted.resolve(name.replace(".png",
                    written % 3 == 0 ? "-blurred.png" : ".png")));
            written++;
        }
    }

    private static float[] blur(float[] pixels) {
        GrayF32 in = new GrayF32(28, 28);
        System.arraycopy(pixels, 0, in.data, 0, pixels.length);
        GrayF32 out = GBlurImageOps.gaussian(in, null, 1.2, -1, null);
        return out.data.clone();
    }

    private static void write(float[] pixels, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < pixels.length; p++) {
            png.getRaster().setSample(p % 28, p / 28, 0, Math.round(Math.max(0, Math.min(255, pixels[p]))));
        }
        ImageIO.write(png, "png", file.toFile());
    }

    private static AuditResult audit(Path folder) {
        return new ImageAudit(AuditOptions.builder().explained(10).samples(100).build())
                .run(LabelledFolder.read(folder, model.classNames()), model, "bundled cnn");
    }

    private static double accuracy(List<AuditRow> rows) {
        return rows.stream().filter(AuditRow::correct).count() / (double) rows.size();
    }

    @Test
    void theBlurredThirdIsTheTopSlice() throws IOException {
        AuditResult result = audit(planted);
        List<AuditRow> rows = result.rows();
        List<AuditRow> blurred = rows.stream().filter(r -> r.path().endsWith("-blurred.png")).toList();
        List<AuditRow> sharp = rows.stream().filter(r -> !r.path().endsWith("-blurred.png")).toList();
        System.out.printf(Locale.ROOT, "planted folder: blurred accuracy %.3f (%d), the rest %.3f (%d)%n",
                accuracy(blurred), blurred.size(), accuracy(sharp), sharp.size());

        List<Slice> weak = new SliceFinder(SliceOptions.DEFAULTS).weakSlices(rows);
        weak.forEach(s -> System.out.printf(Locale.ROOT, "  %s: %d, %.3f (%.3f-%.3f) vs %.3f, p %.2g%n",
                s.description(), s.support(), s.accuracy(), s.ci()[0], s.ci()[1], s.expectedAccuracy(), s.pValue()));

        assertTrue(!weak.isEmpty(), "the blurred third is found");
        Slice top = weak.get(0);
        long blurredMembers = top.members().stream().filter(i -> rows.get(i).path().endsWith("-blurred.png")).count();
        assertTrue(blurredMembers >= 0.9 * top.support(), top.description() + ": " + blurredMembers + " of "
                + top.support() + " blurred");
        assertTrue(top.support() >= 0.7 * blurred.size(), "it holds most of the cohort: " + top.support());
        assertTrue(top.ci()[0] <= top.accuracy() && top.accuracy() <= top.ci()[1] && top.pValue() < 0.05);

        // Kept in target/ so that CI can use the report's image explorer in a browser (.ci/run).
        Path out = Path.of("target", "fashion-slices-audit");
        AuditReport.write(result, out);
        JsonNode slice = new ObjectMapper().readTree(out.resolve("audit.json").toFile()).get("slices").get(0);
        assertEquals("tag = blurry", slice.get("description").asText());
        assertEquals(200, slice.get("support").asInt());
        assertEquals(accuracy(blurred), slice.get("accuracy").asDouble(), 1e-12);
        assertEquals(accuracy(sharp), slice.get("restAccuracy").asDouble(), 1e-12);
        assertEquals(2, slice.get("ci").size());
        assertTrue(slice.get("pValue").asDouble() < 0.05);
    }

    @Test
    void theUntouchedFolderHasNoSliceBeyondThePerClassGaps() {
        List<AuditRow> rows = audit(untouched).rows();
        List<Slice> weak = new SliceFinder(SliceOptions.DEFAULTS).weakSlices(rows);
        System.out.printf(Locale.ROOT, "untouched folder: accuracy %.3f; weak slices %s%n", accuracy(rows),
                weak.stream().map(Slice::description).toList());

        assertTrue(weak.stream().allMatch(s -> s.description().startsWith("label = ") && !s.description()
                .contains(" and ")), "only labels: " + weak.stream().map(Slice::description).toList());
    }
}
