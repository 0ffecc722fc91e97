package dev.limelight.tabular.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.ExplanationDocument;
import dev.limelight.tabular.TabularExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a tabular explanation: the one explanation format ({@link ExplanationDocument}), with
 * {@code input} holding the row (each column's name, type, value and the condition it meets), each
 * weight's {@code column} and {@code condition}, and {@code options} the discretizer, the kernel width
 * and the training rows beside the shared options. The same seed gives the same JSON, timings aside.
 */
public final class TabularExplanationJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TabularExplanationJson() {
    }

    /**
     * The {@code input} of a tabular explanation.
     *
     * @param kind     "table"
     * @param row      the row's index in its table, or null when it came from elsewhere
     * @param features d, its feature columns
     * @param columns  the row, column by column
     */
    public record Input(String kind, Integer row, int features, List<Cell> columns) {
    }

    /**
     * One column of the explained row.
     *
     * @param name      the column's name
     * @param type      "numeric" or "categorical"
     * @param value     the row's value, in words
     * @param condition the condition it meets
     */
    public record Cell(String name, String type, String value, String condition) {
    }

    /**
     * @param e   the explanation
     * @param row the row's index in its table, or null
     * @return the explanation as a document of the one format
     */
    public static ExplanationDocument toDocument(TabularExplanation e, Integer row) {
        ExplanationDocument.FeatureText conditions = ExplanationDocument.FeatureText.conditions(
                f -> e.schema().column(f).name(), f -> e.conditions().get(f));
        List<ExplanationDocument.Label> labels = ExplanationDocument.labels(e.labels(), e.options().trust().counterfactual(),
                e.predictedLabel(), e.classNames(), conditions, null);
        List<Cell> cells = new ArrayList<>();
        for (int j = 0; j < e.row().length; j++) {
            cells.add(new Cell(e.schema().column(j).name(), e.schema().column(j).isCategorical() ? "categorical"
                    : "numeric", e.values().get(j), e.conditions().get(j)));
        }
        Map<String, Object> options = ExplanationDocument.options(List.of(
                Map.entry("discretizer", e.training().discretizer().name().toLowerCase(java.util.Locale.ROOT)),
                Map.entry("sampling", "training-frequencies"),
                Map.entry("trainingRows", e.training().rows())), e.options());
        options.remove("design"); // rows are drawn from the training frequencies, not by a design
        return new ExplanationDocument(ExplanationDocument.Format.CURRENT, new Input("table", row, e.row().length, cells),
                e.outputKind().label(), ExplainedOutput.of(e.outputKind()), e.classNames(), e.probabilities(), labels,
                ExplanationDocument.adaptiveSampling(e.sampling(), conditions), e.seed(), e.samples(), options,
                ExplanationDocument.timings(e.timings().asMap()));
    }

    /** @return the explanation as a JSON tree */
    public static ObjectNode toJson(TabularExplanation e, Integer row) {
        return JSON.valueToTree(toDocument(e, row));
    }

    /**
     * Writes {@link #toJson} to a file, atomically.
     *
     * @throws IOException if it cannot be written
     */
    public static void write(TabularExplanation e, Integer row, Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, toJson(e, row)));
    }
}
