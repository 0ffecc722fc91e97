package dev.limelight.audit.compare;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.audit.AuditReport;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.audit.Preview;
import dev.limelight.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model run read back from a saved audit ({@code limelight audit --out DIR}): its audit.json (the
 * model's name, the data folder, the class names) and rows.jsonl (one row per image). Enough for a
 * model diff or a drift test without the models: no explanations, no embeddings; previews come from
 * the images when the data folder is still there.
 */
public final class SavedRun {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SavedRun() {
    }

    /**
     * @param dir an audit's output folder
     * @return its run
     * @throws IllegalArgumentException naming the file and the problem when the folder is not a saved audit
     */
    public static ModelRun read(Path dir) {
        Path summary = dir.resolve("audit.json");
        Path rowsFile = dir.resolve(AuditReport.ROWS_FILE);
        if (!Files.isRegularFile(summary) || !Files.isRegularFile(rowsFile)) {
            throw new IllegalArgumentException(dir + " is not a saved audit: it needs audit.json and "
                    + AuditReport.ROWS_FILE + " (limelight audit --out " + dir + ")");
        }
        try {
            JsonNode audit = JSON.readTree(summary.toFile());
            List<String> classes = new ArrayList<>();
            audit.path("classes").forEach(c -> classes.add(c.path("name").asText()));
            if (classes.isEmpty()) {
                throw new IllegalArgumentException(summary + ": no class names under 'classes'");
            }
            Path root = Path.of(audit.path("data").asText("."));
            List<AuditRow> rows;
            try {
                rows = AuditReport.readRows(rowsFile);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(rowsFile + " holds no rows");
            }
            List<LabelledImage> images = new ArrayList<>();
            List<ImageObservation> observations = new ArrayList<>();
            for (AuditRow row : rows) {
                Path file = root.resolve(row.path());
                images.add(row.label() == null ? LabelledImage.unlabelled(file)
                        : new LabelledImage(file, row.label(), classes.indexOf(row.label())));
                observations.add(new ImageObservation(row.probabilities(), row.properties(), null, preview(file)));
            }
            return new ModelRun(audit.path("model").asText(dir.getFileName().toString()), null,
                    new LabelledFolder(root, classes, images), rows, observations);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the saved audit " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] preview(Path file) {
        try {
            return Preview.png(ImageFiles.read(file));
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }
}
