package dev.limelight.training.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.audit.ImageRegion;
import dev.limelight.core.ImageInput;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.segmentation.GridSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A shortcut an audit found, as a fix takes it: one of audit.json's explanation clusters (the given
 * one, or the first the audit flagged), its strongest grid cell as the region (the cell's part of
 * every image) and its class as the artifact's carrier.
 *
 * @param clusterId  the cluster's id, {@code CLASS-N}
 * @param className  the class its explanations explain, the artifact's carrier
 * @param region     its strongest cell, as fractions of each image
 * @param cell       that cell's index on the audit's grid
 * @param cells      the grid's cell count
 */
public record AuditFinding(String clusterId, String className, ImageRegion.Fractions region, int cell, int cells) {

    /** The file read in the audit's folder. */
    public static final String AUDIT_FILE = "audit.json";

    /**
     * @param auditDir  an audit's output folder
     * @param clusterId the cluster, or null for the first flagged one
     * @param input     the model's input, whose size lays out the audit's grid
     * @return the finding
     * @throws IllegalArgumentException when the folder has no audit.json, it lists no such cluster,
     *                                  or none is flagged and no id is given (the message lists the ids)
     */
    public static AuditFinding read(Path auditDir, String clusterId, ImageInput input) {
        Path file = auditDir.resolve(AUDIT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + AUDIT_FILE + " in " + auditDir + ": give the folder a "
                    + "'limelight audit --out DIR' wrote");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not an audit's JSON: " + e.getMessage(), e);
        }
        JsonNode clusters = root.path("clusters");
        List<String> ids = new ArrayList<>();
        JsonNode chosen = null;
        for (JsonNode c : clusters) {
            ids.add(c.path("id").asText());
            boolean wanted = clusterId != null ? clusterId.equals(c.path("id").asText()) : c.path("flagged").asBoolean();
            if (wanted && chosen == null) {
                chosen = c;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException(clusterId != null
                    ? file + " has no explanation cluster '" + clusterId + "'; its clusters: " + ids
                    : file + " flags no explanation cluster as a shortcut; pick one with --cluster ID from " + ids);
        }
        int cells = chosen.path("meanWeights").size();
        int cell = chosen.path("topCell").asInt(-1);
        if (cells < 2 || cell < 0 || cell >= cells) {
            throw new IllegalArgumentException(file + ": cluster " + chosen.path("id").asText()
                    + " has no grid weights or top cell");
        }
        return new AuditFinding(chosen.path("id").asText(), chosen.path("class").asText(),
                cellRegion(cells, cell, input), cell, cells);
    }

    /** The cell's bounding box on the grid the audit used at the model's input size, as fractions. */
    static ImageRegion.Fractions cellRegion(int cells, int cell, ImageInput input) {
        int w = input.width();
        int h = input.height();
        Segmentation grid = new GridSegmenter(cells).segment(new RasterImage(w, h, 1, new float[w * h]));
        if (grid.segmentCount() != cells) {
            throw new IllegalArgumentException("the audit's grid has " + cells + " cells, but a grid at the model's "
                    + "input size (" + w + " x " + h + ") has " + grid.segmentCount() + ": was it audited with another model?");
        }
        int x0 = w;
        int y0 = h;
        int x1 = 0;
        int y1 = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grid.label(x, y) == cell) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return new ImageRegion.Fractions((double) x0 / w, (double) y0 / h, (double) x1 / w, (double) y1 / h);
    }
}
