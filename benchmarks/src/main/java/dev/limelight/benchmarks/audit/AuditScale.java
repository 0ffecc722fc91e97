package dev.limelight.benchmarks.audit;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditReport;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AutomaticTags;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.ImageProperties;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.audit.Preview;
import dev.limelight.audit.TagRules;
import dev.limelight.audit.Thumbnail;
import dev.limelight.audit.slices.ErrorAnalysis;
import dev.limelight.audit.slices.SliceOptions;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An audit at scale: Fashion-MNIST test images (the bundled CNN's held-out split, PER_CLASS a class,
 * 1000 by default: 10,000 images) audited with the bundled CNN, EXPLAINED of them explained (200 by
 * default). Prints the wall time of each stage of the audit, of the report, the peak resident memory
 * and the report's size; and, measured apart on the decoded images, the cost of the per-image
 * profile (properties, thumbnail, preview) and of the tags against the classification's.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.audit.AuditScale OUT [PER_CLASS] [EXPLAINED]}.
 */
public final class AuditScale {

    private AuditScale() {
    }

    public static void main(String[] args) throws IOException {
        ScaleAudit setup = ScaleAudit.of(args, "AuditScale");
        Path out = setup.out();
        int explained = setup.explained();
        NetworkImageClassifier model = setup.model();
        LabelledFolder folder = setup.folder();
        int n = folder.images().size();
        System.out.printf(Locale.ROOT, "%d images, %d explained, %d cores%n", n, explained,
                Runtime.getRuntime().availableProcessors());

        // The parts of the classifying pass, measured apart on the decoded images, after a warm-up
        // pass over the first 1000 (so that the figures are the compiled code's, not the interpreter's).
        for (LabelledImage image : folder.images().subList(0, Math.min(1000, n))) {
            RasterImage photo = ImageFiles.read(image.path());
            ImageProperties.of(photo);
            Thumbnail.of(photo);
            Preview.png(photo);
        }
        long t0 = System.nanoTime();
        List<RasterImage> decoded = new ArrayList<>(n);
        for (LabelledImage image : folder.images()) {
            decoded.add(ImageFiles.read(image.path()));
        }
        long t1 = System.nanoTime();
        double[][] probabilities = new double[n][];
        for (int from = 0; from < n; from += 32) {
            List<RasterImage> batch = decoded.subList(from, Math.min(n, from + 32));
            INDArray input = PhotoBatch.of(batch, model.input());
            double[][] rows = model.predict(input).toDoubleMatrix();
            System.arraycopy(rows, 0, probabilities, from, rows.length);
            input.close();
        }
        long t2 = System.nanoTime();
        List<ImageProperties> properties = new ArrayList<>(n);
        for (RasterImage image : decoded) {
            properties.add(ImageProperties.of(image));
        }
        long p1 = System.nanoTime();
        List<Thumbnail> thumbnails = new ArrayList<>(n);
        for (RasterImage image : decoded) {
            thumbnails.add(Thumbnail.of(image));
        }
        long p2 = System.nanoTime();
        List<byte[]> previews = new ArrayList<>(n);
        for (RasterImage image : decoded) {
            previews.add(Preview.png(image));
        }
        long t3 = System.nanoTime();
        List<ImageObservation> observations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            observations.add(new ImageObservation(probabilities[i], properties.get(i), thumbnails.get(i),
                    previews.get(i)));
        }
        int[] labels = folder.images().stream().mapToInt(LabelledImage::classIndex).toArray();
        long tagStart = System.nanoTime();
        new AutomaticTags(TagRules.DEFAULTS).tag(labels, observations);
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "profile: properties %.0f ms, thumbnails %.0f ms, previews %.0f ms%n",
                (p1 - t2) / 1e6, (p2 - p1) / 1e6, (t3 - p2) / 1e6);
        double decode = (t1 - t0) / 1e6;
        double classify = (t2 - t1) / 1e6;
        double profile = (t3 - t2) / 1e6;
        double tags = (t4 - tagStart) / 1e6;
        double propertiesAndTags = (p2 - t2) / 1e6 + tags;
        System.out.printf(Locale.ROOT, "apart: decode %.0f ms, classify %.0f ms, profile (properties, thumbnail, "
                        + "preview) %.0f ms, tags %.0f ms; properties + thumbnails + tags = %.1f %% of classify "
                        + "(%.1f %% of decode + classify); previews %.1f %% of classify%n", decode, classify, profile,
                tags, 100 * propertiesAndTags / classify, 100 * propertiesAndTags / (decode + classify),
                100 * (t3 - p2) / 1e6 / classify);
        decoded.clear();
        if (explained == 0) {
            return;
        }

        // The whole audit, as the command runs it.
        AuditOptions options = AuditOptions.builder().explained(explained).build();
        long a0 = System.nanoTime();
        AuditResult result = new ImageAudit(options).run(folder, model, "fashion-mnist-cnn.zip");
        long a1 = System.nanoTime();
        ErrorAnalysis analysis = ErrorAnalysis.of(result.rows(), result.folder().classes(), SliceOptions.DEFAULTS, 0);
        long a2 = System.nanoTime();
        Path report = AuditReport.write(result, analysis, out.resolve("audit"));
        long a3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "audit: screen + classify + profile + explain %.1f s, slices + clusters %.1f s, "
                        + "report %.1f s; accuracy %.4f, %d weak slices, %d clusters (%d flagged)%n", (a1 - a0) / 1e9,
                (a2 - a1) / 1e9, (a3 - a2) / 1e9, result.metrics().accuracy(), analysis.slices().size(),
                analysis.clusters().size(), analysis.clusters().stream().filter(c -> c.flagged()).count());
        System.out.printf(Locale.ROOT, "report.html %.2f MB, audit.json %.2f MB, rows.jsonl %.2f MB; peak resident "
                        + "memory %s%n", Files.size(report) / 1e6, Files.size(out.resolve("audit/audit.json")) / 1e6,
                Files.size(out.resolve("audit").resolve(AuditReport.ROWS_FILE)) / 1e6, peakResident());
    }

    /** @return the process's peak resident memory ({@code VmHWM}), or "unknown" off Linux */
    static String peakResident() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
    }
}
