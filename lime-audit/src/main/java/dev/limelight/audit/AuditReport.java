package dev.limelight.audit;

import static dev.limelight.core.report.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.audit.slices.ErrorAnalysis;
import dev.limelight.audit.slices.ExplanationCluster;
import dev.limelight.audit.slices.PropertySignal;
import dev.limelight.audit.slices.Slice;
import dev.limelight.audit.slices.SliceOptions;
import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.render.ExplanationImages;
import dev.limelight.image.render.HtmlParts;
import dev.limelight.image.render.PngEncoder;
import dev.limelight.models.calibration.CrossFittedTemperature;
import dev.limelight.models.calibration.ReliabilityDiagram;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Writes an audit as {@code audit.json}, {@code reliability.png} and a self-contained
 * {@code report.html} (images embedded, no script, no network).
 */
public final class AuditReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper LINES = new ObjectMapper();

    /** The rows as JSON Lines, one {@link AuditRow} per line, beside audit.json. */
    public static final String ROWS_FILE = "rows.jsonl";

    private AuditReport() {
    }

    /** Writes the audit with its error analysis under the default slice search; @return the report's path */
    public static Path write(AuditResult result, Path dir) throws IOException {
        return write(result, ErrorAnalysis.of(result.rows(), result.folder().classes(), SliceOptions.DEFAULTS, 0), dir);
    }

    /**
     * Writes audit.json, rows.jsonl, reliability.png and report.html.
     *
     * @param result   the audit
     * @param analysis the error analysis of its rows
     * @param dir      the output folder
     * @return the report's path
     */
    public static Path write(AuditResult result, ErrorAnalysis analysis, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("audit.json"), out -> JSON.writeValue(out, toJson(result, analysis)));
        writeRows(result.rows(), dir.resolve(ROWS_FILE));
        BufferedImage reliability = ReliabilityDiagram.of(new ReliabilityDiagram.Panel(result.modelName(),
                result.calibration())).render();
        AtomicFiles.write(dir.resolve("reliability.png"), PngEncoder.encode(reliability));
        Path report = dir.resolve("report.html");
        AtomicFiles.writeString(report, html(result, analysis, reliability));
        return report;
    }

    /**
     * Writes rows as JSON Lines: one object per line with the names of {@link AuditRow}.
     *
     * @param rows the rows
     * @param file the file, overwritten
     */
    public static void writeRows(List<AuditRow> rows, Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            try (BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
                for (AuditRow row : rows) {
                    out.write(LINES.writeValueAsString(row));
                    out.write('\n');
                }
            }
        });
    }

    /**
     * @param file a rows file written by {@link #writeRows}
     * @return its rows, in order
     * @throws IOException if it cannot be read or a line is not a row (the message names the line)
     */
    public static List<AuditRow> readRows(Path file) throws IOException {
        List<AuditRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                rows.add(LINES.readValue(lines.get(i), AuditRow.class));
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + " is not an audit row: " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** @return the audit and its error analysis as JSON */
    public static ObjectNode toJson(AuditResult r, ErrorAnalysis analysis) {
        List<String> classes = r.folder().classes();
        ObjectNode root = JSON.createObjectNode();
        root.put("model", r.modelName());
        root.put("data", r.folder().root().toString());
        root.put("images", r.folder().images().size());
        root.put("accuracy", r.metrics().accuracy());
        root.put("expectedCalibrationError", r.calibration().expectedCalibrationError());
        ExplainedOutput output = r.calibrationUsed();
        ObjectNode calibration = root.putObject("calibration").put("space", output.space());
        if (output.space().equals("calibrated")) {
            calibration.put("temperature", output.temperature()).put("source", output.source());
        }
        if (r.crossFit() != null) {
            root.set("crossFittedCalibration", JSON.valueToTree(r.crossFit()));
        }
        ArrayNode perClass = root.putArray("classes");
        for (ClassificationMetrics.ClassScores s : r.metrics().classes()) {
            perClass.addObject().put("class", s.classIndex()).put("name", classes.get(s.classIndex()))
                    .put("precision", s.precision()).put("recall", s.recall()).put("f1", s.f1()).put("support", s.support());
        }
        ArrayNode confusion = root.putArray("confusion");
        for (int[] row : r.metrics().confusion()) {
            ArrayNode line = confusion.addArray();
            for (int v : row) {
                line.add(v);
            }
        }
        ArrayNode mistakes = root.putArray("confidentMistakes");
        for (int i : r.mistakes()) {
            mistakes.add(image(r, i));
        }
        ArrayNode picks = root.putArray("pickedExplanations");
        for (int i : r.pickedImages()) {
            ObjectNode node = image(r, i);
            ArrayNode weights = node.putArray("weights");
            var explanation = r.explanations().get(i).top();
            for (FeatureWeight w : explanation.surrogate().weights()) {
                weights.addObject().put("cell", w.feature()).put("weight", w.weight());
            }
            node.put("score", explanation.surrogate().score());
            explanation.trust().stabilityIfMeasured().ifPresent(st -> node.putObject("stability")
                    .put("runs", st.runs()).put("k", st.k()).put("topKJaccard", st.topKJaccard()));
            picks.add(node);
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedImage s : r.folder().skipped()) {
            skipped.addObject().put("path", r.folder().root().relativize(s.path().toAbsolutePath()).toString())
                    .put("reason", s.reason());
        }
        root.put("explained", r.explanations().size());
        root.put("pickCoverage", r.pick().coveredShare());
        ObjectNode importance = root.putObject("cellImportance");
        r.cellImportance().forEach((cell, v) -> importance.put(String.valueOf(cell), v));
        ObjectNode tagCounts = root.putObject("tagCounts");
        Map<String, Integer> counts = new TreeMap<>();
        r.rows().forEach(row -> row.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
        AutomaticTags.NAMES.stream().filter(counts::containsKey).forEach(t -> tagCounts.put(t, counts.remove(t)));
        counts.forEach(tagCounts::put);
        root.set("slices", JSON.valueToTree(analysis.slices()));
        root.set("propertySignals", JSON.valueToTree(analysis.propertySignals()));
        ArrayNode clusters = root.putArray("clusters");
        for (ExplanationCluster c : analysis.clusters()) {
            ObjectNode node = clusters.addObject().put("id", c.id()).put("class", c.className());
            node.set("members", JSON.valueToTree(c.members()));
            node.set("meanWeights", JSON.valueToTree(c.meanWeights()));
            node.put("topCell", c.topCell()).put("topShare", c.topShare()).put("agreement", c.agreement())
                    .put("flagged", c.flagged());
        }
        root.set("rows", JSON.valueToTree(r.rows()));
        return root;
    }

    private static ObjectNode image(AuditResult r, int i) {
        List<String> classes = r.folder().classes();
        LabelledImage image = r.folder().images().get(i);
        return JSON.createObjectNode().put("path", r.folder().root().relativize(image.path()).toString())
                .put("trueClass", image.className()).put("predicted", classes.get(r.predicted()[i]))
                .put("probability", r.confidence()[i]);
    }

    private static String html(AuditResult r, ErrorAnalysis analysis, BufferedImage reliability) throws IOException {
        List<String> classes = r.folder().classes();
        StringBuilder h = new StringBuilder();
        h.append(Page.open("Audit of " + r.modelName(), "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                + "img.x{width:224px;image-rendering:pixelated}figcaption{font-size:.85em;color:#444;max-width:224px}"
                + "tr.pick{cursor:pointer}tr.pick:hover{background:#eef}.controls select,.controls input{margin:2px}"
                + "#grid figure.tile{width:96px;margin:4px;cursor:pointer}#grid img{width:96px;height:96px;"
                + "object-fit:contain;image-rendering:pixelated;background:#eee}figure.wrong img{outline:3px solid #d43c3c}"
                + "#detail{border:1px solid #ccc;padding:.5em 1em;margin:.5em 0}#detail img.large{width:224px;"
                + "image-rendering:pixelated;margin-right:1em}"));
        h.append(String.format(Locale.ROOT, "<p>%d images in %s; accuracy <b>%.4f</b>; expected calibration error "
                        + "(15 bins) <b>%.4f</b>.</p>\n", r.folder().images().size(), escape(r.folder().root().toString()),
                r.metrics().accuracy(), r.calibration().expectedCalibrationError()));
        h.append("<p>Probabilities measured and explained: ").append(escape(r.calibrationUsed().describe()))
                .append(".</p>\n");
        if (r.crossFit() != null) {
            CrossFittedTemperature c = r.crossFit();
            h.append(String.format(Locale.ROOT, "<p>Temperature scaling cross-fitted over %d folds of the %d labelled "
                            + "images: T = %.3f on all of them (%.3f to %.3f without each fold); expected calibration "
                            + "error %.4f (%.4f-%.4f) before, %.4f (%.4f-%.4f) out of fold.</p>\n", c.folds(), c.images(),
                    c.temperature(), java.util.Arrays.stream(c.foldTemperatures()).min().orElse(Double.NaN),
                    java.util.Arrays.stream(c.foldTemperatures()).max().orElse(Double.NaN), c.eceBefore(),
                    c.eceBeforeInterval()[0], c.eceBeforeInterval()[1], c.eceAfter(), c.eceAfterInterval()[0],
                    c.eceAfterInterval()[1]));
        }
        if (!r.folder().skipped().isEmpty()) {
            h.append("<h2>Skipped files</h2><p>These files could not be decoded and were not audited.</p><ul>\n");
            for (SkippedImage s : r.folder().skipped()) {
                h.append("<li>").append(escape(r.folder().root().relativize(s.path().toAbsolutePath()).toString()))
                        .append(": ").append(escape(s.reason())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Per class</h2><table><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
        for (ClassificationMetrics.ClassScores s : r.metrics().classes()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>\n",
                    escape(classes.get(s.classIndex())), s.precision(), s.recall(), s.f1(), s.support()));
        }
        h.append("</table>\n<h2>Confusion matrix</h2><table><tr><th>true \\ predicted</th>");
        for (String c : classes) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr>\n");
        int[][] confusion = r.metrics().confusion();
        for (int t = 0; t < confusion.length; t++) {
            h.append("<tr><th>").append(escape(classes.get(t))).append("</th>");
            for (int v : confusion[t]) {
                h.append("<td>").append(v).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        weakSlices(h, analysis);
        clusters(h, analysis);
        tags(h, r);
        h.append(EXPLORER);
        h.append("<h2>Calibration</h2>").append(img(reliability, "reliability diagram", "")).append('\n');
        h.append("<h2>Most confident mistakes</h2>\n");
        if (r.mistakes().isEmpty()) {
            h.append("<p>None.</p>\n");
        }
        for (int i : r.mistakes()) {
            LabelledImage image = r.folder().images().get(i);
            h.append(figure(ImageIO.read(image.path().toFile()), String.format(Locale.ROOT, "%s: true %s, predicted %s "
                    + "(p = %.3f)", r.folder().root().relativize(image.path()), image.className(),
                    classes.get(r.predicted()[i]), r.confidence()[i])));
        }
        h.append(String.format(Locale.ROOT, "<h2>What the model relies on: %d explanations picked by SP-LIME</h2>\n"
                        + "<p>%d images explained on a %d-cell grid; the picks cover %.0f %% of the cells' total importance. "
                        + "Green cells raise the predicted class, red lower it.</p>\n", r.pickedImages().size(),
                r.explanations().size(), r.explanations().values().iterator().next().segmentation().segmentCount(),
                100 * r.pick().coveredShare()));
        for (int i : r.pickedImages()) {
            ImageExplanation e = r.explanations().get(i);
            LabelledImage image = r.folder().images().get(i);
            FeatureWeight top = e.top().surrogate().weights().get(0);
            h.append(figure(ExplanationImages.overlay(e, e.top().label(), 3), String.format(Locale.ROOT,
                    "%s: true %s, predicted %s (p = %.3f); top cell %d (%+.3f)%s", r.folder().root().relativize(image.path()),
                    image.className(), e.top().name(), e.top().probability(), top.feature(), top.weight(),
                    e.top().trust().stabilityIfMeasured().map(st -> String.format(Locale.ROOT,
                            "; top-%d agreement over %d seeds %.2f", st.k(), st.runs(), st.topKJaccard())).orElse(""))));
        }
        h.append(Page.jsonData("audit-data", explorerData(r, analysis)));
        h.append(Page.script(resource("explorer.js")));
        h.append(Page.close());
        return h.toString();
    }

    private static void weakSlices(StringBuilder h, ErrorAnalysis analysis) {
        h.append("<h2>Weak slices</h2>\n");
        if (analysis.slices().isEmpty()) {
            h.append("<p>No cohort (label, tag, property range, or two of them) falls short of its classes' accuracy "
                    + "beyond chance (Holm-corrected).</p>\n");
        } else {
            h.append("<p>Cohorts whose accuracy falls short of what their class mix predicts, beyond chance "
                    + "(stratified one-sided test, Holm-corrected over every cohort searched).</p>\n<table><tr><th>slice"
                    + "</th><th>images</th><th>accuracy (95 % interval)</th><th>expected</th><th>rest</th><th>p</th></tr>\n");
            for (int i = 0; i < analysis.slices().size(); i++) {
                Slice s = analysis.slices().get(i);
                h.append(String.format(Locale.ROOT, "<tr class=\"pick\" data-slice=\"%d\" title=\"show these images\">"
                                + "<td style=\"text-align:left\">%s</td><td>%d</td><td>%.3f "
                                + "(%.3f-%.3f)</td><td>%.3f</td><td>%.3f</td><td>%.2g</td></tr>\n", i, escape(s.description()),
                        s.support(), s.accuracy(), s.ci()[0], s.ci()[1], s.expectedAccuracy(), s.restAccuracy(),
                        s.pValue()));
            }
            h.append("</table>\n");
        }
        List<PropertySignal> flagged = analysis.propertySignals().stream().filter(PropertySignal::flagged).toList();
        h.append("<h3>Does one image property give the label away?</h3>\n<p>");
        if (flagged.isEmpty()) {
            h.append("No: no property alone predicts the label 0.2 better than guessing the commonest class.");
        }
        for (PropertySignal s : flagged) {
            h.append(String.format(Locale.ROOT, "<b>%s</b> alone predicts the label with accuracy %.3f against %.3f for "
                    + "the commonest class: a model may learn it instead of the object. ", escape(s.property()),
                    s.accuracy(), s.baseline()));
        }
        h.append("</p>\n");
    }

    private static void clusters(StringBuilder h, ErrorAnalysis analysis) {
        h.append("<h2>Explanation clusters</h2>\n<p>Each predicted class's explanations grouped by where their "
                + "evidence lies (spectral clustering of the grid-cell weights). A flagged cluster rests on the same "
                + "border cell in nearly every image: a candidate shortcut.</p>\n<table><tr><th>cluster</th><th>class"
                + "</th><th>images</th><th>top cell</th><th>its share</th><th>agreement</th><th>flagged</th></tr>\n");
        for (int i = 0; i < analysis.clusters().size(); i++) {
            ExplanationCluster c = analysis.clusters().get(i);
            h.append(String.format(Locale.ROOT, "<tr class=\"pick\" data-cluster=\"%d\" title=\"show these images\">"
                            + "<td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%.2f</td><td>%.2f"
                            + "</td><td>%s</td></tr>\n", i, escape(c.id()), escape(c.className()), c.members().size(),
                    c.topCell(), c.topShare(), c.agreement(), c.flagged() ? "<b>candidate shortcut</b>" : ""));
        }
        h.append("</table>\n");
    }

    private static void tags(StringBuilder h, AuditResult r) {
        Map<String, Integer> counts = new TreeMap<>();
        r.rows().forEach(row -> row.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
        h.append("<h2>Tags</h2>\n<p>");
        if (counts.isEmpty()) {
            h.append("No image is tagged.");
        }
        counts.forEach((tag, n) -> h.append("<a href=\"#explorer\" data-tag=\"").append(escape(tag)).append("\"><b>")
                .append(escape(tag)).append("</b></a> ").append(n).append(" &nbsp; "));
        h.append("</p>\n");
    }

    /** The image explorer's controls, filled by explorer.js from the embedded data. */
    private static final String EXPLORER = "<section id=\"explorer\"><h2>Images</h2>\n<div class=\"controls\">"
            + "<select id=\"f-label\" aria-label=\"label\"></select> <select id=\"f-predicted\" aria-label=\"prediction\">"
            + "</select> <select id=\"f-outcome\" aria-label=\"outcome\"><option value=\"\">correct and mistakes</option>"
            + "<option value=\"correct\">correct</option><option value=\"mistake\">mistakes</option></select> "
            + "<select id=\"f-tag\" aria-label=\"tag\"></select> <select id=\"f-property\" aria-label=\"property\"></select>"
            + " <input id=\"f-min\" type=\"number\" step=\"any\" placeholder=\"min\" aria-label=\"minimum\"> "
            + "<input id=\"f-max\" type=\"number\" step=\"any\" placeholder=\"max\" aria-label=\"maximum\"> sort by "
            + "<select id=\"f-sort\" aria-label=\"sort by\"></select> <select id=\"f-order\" aria-label=\"order\">"
            + "<option>descending</option><option>ascending</option></select></div>\n<p><b id=\"count\"></b> "
            + "<span id=\"group\"></span> <button id=\"clear-group\" hidden>show all</button> "
            + "<button id=\"prev\">previous</button> <span id=\"page\"></span> <button id=\"next\">next</button>"
            + " <span class=\"muted\">(\u2605: explained; click an image for its details)</span></p>\n"
            + "<div id=\"detail\" hidden></div>\n<div id=\"grid\"></div></section>\n";

    /** @return the data explorer.js reads: class and property names, the rows, previews, overlays, slices, clusters */
    private static String explorerData(AuditResult r, ErrorAnalysis analysis) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        data.set("classes", JSON.valueToTree(r.folder().classes()));
        data.set("properties", JSON.valueToTree(ImageProperties.NAMES));
        data.set("rows", JSON.valueToTree(r.rows()));
        ArrayNode previews = data.putArray("previews");
        for (byte[] png : r.previews()) {
            previews.add("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        }
        ArrayNode overlays = data.putArray("overlays");
        ArrayNode trueOverlays = data.putArray("trueOverlays");
        for (int i = 0; i < r.rows().size(); i++) {
            ImageExplanation e = r.explanations().get(i);
            overlays.add(e == null ? null : overlay(e, e.top().label()));
            trueOverlays.add(e == null || e.labels().size() < 2 ? null : overlay(e, e.labels().get(1).label()));
        }
        ArrayNode slices = data.putArray("slices");
        analysis.slices().forEach(s -> slices.addObject().put("description", s.description())
                .set("members", JSON.valueToTree(s.members())));
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < r.rows().size(); i++) {
            index.put(r.rows().get(i).path(), i);
        }
        ArrayNode clusters = data.putArray("clusters");
        analysis.clusters().forEach(c -> clusters.addObject().put("id", c.id())
                .set("members", JSON.valueToTree(c.members().stream().map(index::get).toList())));
        return LINES.writeValueAsString(data);
    }

    /** @return the explanation of one label drawn over the image, as a PNG data URI */
    private static String overlay(ImageExplanation e, int label) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(
                PngEncoder.encode(ExplanationImages.overlay(e, label, 3)));
    }

    private static String resource(String name) throws IOException {
        try (var in = AuditReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the report resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String figure(BufferedImage image, String caption) throws IOException {
        return "<figure>" + img(image, caption, "x") + "<figcaption>" + escape(caption) + "</figcaption></figure>\n";
    }

    private static String img(BufferedImage image, String alt, String cls) {
        return HtmlParts.img(image, alt, cls);
    }

}
