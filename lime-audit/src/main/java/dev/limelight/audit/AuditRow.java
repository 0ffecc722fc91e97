package dev.limelight.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One audited image: what the model answered, how the image looks, its tags and, when it was
 * explained, the explanation's cell weights. The unit every error-analysis result is computed from;
 * written as audit.json's {@code rows} and as one line of {@code rows.jsonl}, with these names.
 *
 * @param path          the image's path relative to the data folder, {@code /}-separated
 * @param label         its label: the model's name of the class its sub-folder stands for; null for
 *                      an image of a flat, unlabelled folder
 * @param predicted     the predicted class's name
 * @param probabilities every class's probability
 * @param confidence    the predicted class's probability
 * @param margin        the predicted class's probability minus the runner-up's
 * @param loss          cross-entropy of the label, {@code -ln max(p(label), 1e-12)}; NaN without a label
 * @param properties    the image's properties
 * @param tags          automatic tags ({@link AutomaticTags}) then the user's
 * @param cellWeights   the explanation's weight of every grid cell (0 for a cell it did not select),
 *                      or null when the image was not explained
 * @param topCells      the cells the explanation selected, strongest first, or null
 * @param trueCellWeights for an explained mistake, the explanation of its true class beside the
 *                      predicted one (the same samples): every grid cell's weight; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRow(String path, String label, String predicted, double[] probabilities, double confidence,
                       double margin, double loss, ImageProperties properties, List<String> tags, double[] cellWeights,
                       int[] topCells, double[] trueCellWeights) {

    /** The smallest probability the loss takes the log of. */
    public static final double LOSS_FLOOR = 1e-12;

    /** Copies the arrays and the list. */
    public AuditRow {
        probabilities = probabilities.clone();
        tags = List.copyOf(tags);
        cellWeights = cellWeights == null ? null : cellWeights.clone();
        topCells = topCells == null ? null : topCells.clone();
        trueCellWeights = trueCellWeights == null ? null : trueCellWeights.clone();
    }

    /** A row without the true class's explanation. */
    public AuditRow(String path, String label, String predicted, double[] probabilities, double confidence,
                    double margin, double loss, ImageProperties properties, List<String> tags, double[] cellWeights,
                    int[] topCells) {
        this(path, label, predicted, probabilities, confidence, margin, loss, properties, tags, cellWeights, topCells,
                null);
    }

    /** @return this row with other tags */
    public AuditRow withTags(List<String> otherTags) {
        return new AuditRow(path, label, predicted, probabilities, confidence, margin, loss, properties, otherTags,
                cellWeights, topCells, trueCellWeights);
    }

    @Override
    public double[] trueCellWeights() {
        return trueCellWeights == null ? null : trueCellWeights.clone();
    }

    /** @return whether the prediction is the label (false without a label) */
    public boolean correct() {
        return predicted.equals(label);
    }

    /** @return whether the image has a label */
    public boolean labelled() {
        return label != null;
    }

    /** @return whether the row has the tag */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** @return whether the image was explained */
    public boolean explained() {
        return cellWeights != null;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] cellWeights() {
        return cellWeights == null ? null : cellWeights.clone();
    }

    @Override
    public int[] topCells() {
        return topCells == null ? null : topCells.clone();
    }
}
