package dev.limelight.audit;

import static dev.limelight.core.report.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.report.Page;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.render.ExplanationImages;
import dev.limelight.image.render.HtmlParts;
import dev.limelight.models.calibration.ReliabilityDiagram;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes an audit as {@code audit.json}, {@code reliability.png} and a self-contained
 * {@code report.html} (images embedded, no script, no network).
 */
public final class AuditReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditReport() {
    }

    /** @return the report's path */
    public static Path write(AuditResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("audit.json").toFile(), toJson(result));
        BufferedImage reliability = ReliabilityDiagram.of(new ReliabilityDiagram.Panel(result.modelName(),
                result.calibration())).render();
        ImageIO.write(reliability, "png", dir.resolve("reliability.png").toFile());
        Path report = dir.resolve("report.html");
        Files.writeString(report, html(result, reliability), StandardCharsets.UTF_8);
        return report;
    }

    /** @return the audit as JSON */
    public static ObjectNode toJson(AuditResult r) {
        List<String> classes = r.folder().classes();
        ObjectNode root = JSON.createObjectNode();
        root.put("model", r.modelName());
        root.put("data", r.folder().root().toString());
        root.put("images", r.folder().images().size());
        root.put("accuracy", r.metrics().accuracy());
        root.put("expectedCalibrationError", r.calibration().expectedCalibrationError());
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
        return root;
    }

    private static ObjectNode image(AuditResult r, int i) {
        List<String> classes = r.folder().classes();
        LabelledImage image = r.folder().images().get(i);
        return JSON.createObjectNode().put("path", r.folder().root().relativize(image.path()).toString())
                .put("trueClass", image.className()).put("predicted", classes.get(r.predicted()[i]))
                .put("probability", r.confidence()[i]);
    }

    private static String html(AuditResult r, BufferedImage reliability) throws IOException {
        List<String> classes = r.folder().classes();
        StringBuilder h = new StringBuilder();
        h.append(Page.open("Audit of " + r.modelName(), "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                + "img.x{width:224px;image-rendering:pixelated}figcaption{font-size:.85em;color:#444;max-width:224px}"));
        h.append(String.format(Locale.ROOT, "<p>%d images in %s; accuracy <b>%.4f</b>; expected calibration error "
                        + "(15 bins) <b>%.4f</b>.</p>\n", r.folder().images().size(), escape(r.folder().root().toString()),
                r.metrics().accuracy(), r.calibration().expectedCalibrationError()));
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
        h.append("</table>\n<h2>Calibration</h2>").append(img(reliability, "reliability diagram", "")).append('\n');
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
        h.append(Page.close());
        return h.toString();
    }

    private static String figure(BufferedImage image, String caption) throws IOException {
        return "<figure>" + img(image, caption, "x") + "<figcaption>" + escape(caption) + "</figcaption></figure>\n";
    }

    private static String img(BufferedImage image, String alt, String cls) {
        return HtmlParts.img(image, alt, cls);
    }

}
