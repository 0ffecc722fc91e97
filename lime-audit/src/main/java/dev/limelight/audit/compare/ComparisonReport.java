package dev.limelight.audit.compare;

import static dev.limelight.core.report.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.audit.AuditRow;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import dev.limelight.image.render.PngEncoder;
import dev.limelight.models.calibration.ReliabilityBins;
import dev.limelight.models.calibration.ReliabilityDiagram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a comparison: {@code compare.json} (Jackson data binding of {@link Comparison}),
 * {@code reliability.png} (both models' reliability diagrams side by side, when labelled),
 * {@code drift.png} (an XChart bar chart of each drift test's -log10 p-value), {@code histograms/NAME.png}
 * (both folders' histograms of each image property and of the confidence) and {@code report.html}
 * (on the shared page skeleton; a changed image opens to show both models' explanations).
 */
public final class ComparisonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonReport() {
    }

    /** @return the report's path */
    public static Path write(Comparison c, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("compare.json"), out -> JSON.writeValue(out, c));
        byte[] reliability = reliability(c);
        if (reliability != null) {
            AtomicFiles.write(dir.resolve("reliability.png"), reliability);
        }
        if (c.drift() != null) {
            CategoryChart chart = new CategoryChartBuilder().width(760).height(360)
                    .title("Drift: -log10 p of each two-sample test").xAxisTitle("quantity").yAxisTitle("-log10 p")
                    .build();
            chart.getStyler().setLegendVisible(false);
            List<String> names = new ArrayList<>(c.drift().keySet());
            List<Double> values = names.stream().map(n -> -Math.log10(Math.max(1e-300, c.drift().get(n).pValue())))
                    .toList();
            chart.addSeries("-log10 p", names, values);
            AtomicFiles.write(dir.resolve("drift.png"), out -> BitmapEncoder.saveBitmap(chart, out,
                    BitmapEncoder.BitmapFormat.PNG));
        }
        Map<String, byte[]> histograms = c.drift() == null ? Map.of() : histograms(c);
        if (!histograms.isEmpty()) {
            Path folder = Files.createDirectories(dir.resolve("histograms"));
            for (Map.Entry<String, byte[]> h : histograms.entrySet()) {
                AtomicFiles.write(folder.resolve(h.getKey() + ".png"), h.getValue());
            }
        }
        Path report = dir.resolve("report.html");
        AtomicFiles.writeString(report, html(c, reliability, histograms));
        return report;
    }

    /** Bins a histogram has. */
    static final int BINS = 20;

    /**
     * Both folders' histograms of every image property and of the confidence (shares of each folder's
     * images in 20 equal bins over the range of both), as XChart bar charts, PNG bytes by quantity.
     */
    private static Map<String, byte[]> histograms(Comparison c) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        ModelRun reference = c.runs().get(0);
        ModelRun current = c.runs().get(1);
        List<String> quantities = new ArrayList<>(dev.limelight.audit.ImageProperties.NAMES);
        quantities.add("confidence");
        for (String q : quantities) {
            double[] a = values(reference, q);
            double[] b = values(current, q);
            double low = Math.min(java.util.Arrays.stream(a).min().orElse(0), java.util.Arrays.stream(b).min().orElse(0));
            double high = Math.max(java.util.Arrays.stream(a).max().orElse(1), java.util.Arrays.stream(b).max().orElse(1));
            if (!(high > low)) {
                continue;
            }
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < BINS; i++) {
                bins.add(String.format(Locale.ROOT, "%.3g", low + (i + 0.5) * (high - low) / BINS));
            }
            CategoryChart chart = new CategoryChartBuilder().width(520).height(260).title(q).xAxisTitle(q)
                    .yAxisTitle("share of images").build();
            chart.getStyler().setOverlapped(true);
            chart.getStyler().setXAxisLabelRotation(60);
            chart.addSeries("reference", bins, shares(a, low, high));
            chart.addSeries("new", bins, shares(b, low, high));
            out.put(q, PngEncoder.encode(BitmapEncoder.getBufferedImage(chart)));
        }
        return out;
    }

    private static double[] values(ModelRun run, String quantity) {
        return run.rows().stream().mapToDouble(r -> quantity.equals("confidence") ? r.confidence()
                : r.properties().get(quantity)).toArray();
    }

    private static List<Double> shares(double[] values, double low, double high) {
        double[] counts = new double[BINS];
        for (double v : values) {
            counts[Math.min(BINS - 1, (int) ((v - low) / (high - low) * BINS))] += 1.0 / values.length;
        }
        return java.util.Arrays.stream(counts).boxed().toList();
    }

    private static byte[] reliability(Comparison c) {
        if (c.modelA() == null || c.modelB() == null || c.runs().size() != 2) {
            return null;
        }
        List<ReliabilityDiagram.Panel> panels = new ArrayList<>();
        for (ModelRun run : c.runs()) {
            List<String> classes = run.folder().classes();
            int[] truth = run.rows().stream().mapToInt(r -> classes.indexOf(r.label())).toArray();
            try (INDArray p = Nd4j.createFromArray(run.rows().stream().map(AuditRow::probabilities)
                    .toArray(double[][]::new))) {
                panels.add(new ReliabilityDiagram.Panel(run.modelName(), ReliabilityBins.of(p, truth)));
            }
        }
        return PngEncoder.encode(ReliabilityDiagram.of(panels.toArray(ReliabilityDiagram.Panel[]::new)).render());
    }

    private static String html(Comparison c, byte[] reliability, Map<String, byte[]> histograms) {
        StringBuilder h = new StringBuilder(Page.open("Comparison", "td.bad{color:#d43c3c;font-weight:bold}"
                + "td.good{color:#2a9d3f;font-weight:bold}details.changed{display:inline-block;margin:0 10px 10px 0;"
                + "vertical-align:top}details.changed img{width:112px;image-rendering:pixelated}"
                + "details.changed summary{list-style:none;cursor:pointer}figure{display:inline-block;margin:4px}"));
        if (c.modelA() != null && c.modelB() != null) {
            h.append(String.format(Locale.ROOT, "<h2>Metrics</h2>\n<table><tr><th></th><th>%s</th><th>%s</th></tr>"
                            + "<tr><td>accuracy</td><td class=\"num\">%.4f</td><td class=\"num\">%.4f</td></tr>"
                            + "<tr><td>expected calibration error</td><td class=\"num\">%.4f</td><td class=\"num\">%.4f"
                            + "</td></tr></table>\n", escape(c.modelA().model()), escape(c.modelB().model()),
                    c.modelA().accuracy(), c.modelB().accuracy(), c.modelA().ece(), c.modelB().ece()));
        }
        if (c.mcnemar() != null) {
            McNemar m = c.mcnemar();
            h.append(String.format(Locale.ROOT, "<p>%d fixed, %d broken, %d changed while both wrong. McNemar's test: "
                            + "statistic %.3f, p = %.3g%s.</p>\n", m.fixed(), m.broken(), c.changed().bothWrong().size(),
                    m.statistic(), m.pValue(), m.pValue() < 0.05 ? " (the models differ)" : " (no significant difference)"));
            h.append("<h2>Differences (B - A), 95 % paired bootstrap intervals</h2>\n<table><tr><th>metric</th>"
                    + "<th>class</th><th>A</th><th>B</th><th>B - A</th><th>interval</th></tr>\n");
            for (ModelDiff.Difference d : c.differences()) {
                String css = d.significant() ? (d.difference() < 0 ? "bad" : "good") : "num";
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"num\">%.3f</td><td class=\"num\">"
                                + "%.3f</td><td class=\"%s\">%+.3f</td><td class=\"num\">[%+.3f, %+.3f]</td></tr>\n",
                        escape(d.metric()), d.className() == null ? "" : escape(d.className()), d.a(), d.b(), css,
                        d.difference(), d.low(), d.high()));
            }
            h.append("</table>\n<h2>Changes per cohort</h2>\n<table><tr><th>cohort</th><th>images</th><th>fixed</th>"
                    + "<th>broken</th><th>both wrong, changed</th></tr>\n");
            for (ModelDiff.CohortChange k : c.cohorts()) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
                                + "<td class=\"%s\">%d</td><td class=\"num\">%d</td></tr>\n", escape(k.cohort()), k.images(),
                        k.fixed(), k.broken() > 0 ? "bad" : "num", k.broken(), k.bothWrong()));
            }
            h.append("</table>\n");
            changedImages(h, c);
            if (c.evidencePick() != null) {
                ModelDiff.EvidencePick pick = c.evidencePick();
                double[] w = pick.cellImportance();
                Integer[] cells = new Integer[w.length];
                java.util.Arrays.setAll(cells, i -> i);
                java.util.Arrays.sort(cells, (x, y) -> Double.compare(w[y], w[x]));
                h.append(String.format(Locale.ROOT, "<h3>What changed overall</h3>\n<p>SP-LIME over the explained "
                                + "images' weight changes picks %s (%.0f %% of all change); the grid cells whose evidence "
                                + "moved most: %s.</p>\n", escape(String.join(", ", pick.picked())),
                        100 * pick.coveredShare(), java.util.Arrays.stream(cells).limit(5).map(String::valueOf)
                                .reduce((x, y) -> x + ", " + y).orElse("")));
            }
        }
        if (reliability != null) {
            h.append("<h2>Calibration</h2>\n<img alt=\"reliability diagrams\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(reliability)).append("\">\n");
        }
        if (c.drift() != null) {
            h.append("<h2>Drift</h2>\n<table><tr><th>quantity</th><th>test</th><th>statistic</th><th>p-value</th>"
                    + "<th>reference mean</th><th>new mean</th></tr>\n");
            c.drift().forEach((name, t) -> h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td>"
                            + "<td class=\"num\">%.4g</td><td class=\"%s\">%.3g</td><td class=\"num\">%.4g</td>"
                            + "<td class=\"num\">%.4g</td></tr>\n", escape(name), escape(t.test()), t.statistic(),
                    t.pValue() < 0.01 ? "bad" : "num", t.pValue(), t.reference(), t.current())));
            h.append("</table>\n");
            for (Map.Entry<String, byte[]> hist : histograms.entrySet()) {
                h.append("<img class=\"histogram\" alt=\"histogram of ").append(escape(hist.getKey()))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder()
                                .encodeToString(hist.getValue())).append("\">\n");
            }
            h.append("<h3>New images least like the reference</h3>\n<ol>\n");
            c.leastLike().forEach(o -> h.append(String.format(Locale.ROOT, "<li>%s (%.3g)</li>\n", escape(o.path()),
                    o.score())));
            h.append("</ol>\n");
        }
        if (!c.skipped().isEmpty()) {
            h.append("<h2>Skipped images</h2>\n<ul>\n");
            c.skipped().forEach(s -> h.append("<li>").append(escape(s.path())).append(": ").append(escape(s.reason()))
                    .append("</li>\n"));
            h.append("</ul>\n");
        }
        return h.append(Page.close()).toString();
    }

    /** Broken then fixed images: the preview, which opens to both models' explanations when explained. */
    private static void changedImages(StringBuilder h, Comparison c) {
        ModelRun a = c.runs().get(0);
        ModelRun b = c.runs().get(1);
        Map<String, Integer> rowA = new LinkedHashMap<>();
        Map<String, Integer> rowB = new LinkedHashMap<>();
        for (int i = 0; i < a.rows().size(); i++) {
            rowA.put(a.rows().get(i).path(), i);
        }
        for (int i = 0; i < b.rows().size(); i++) {
            rowB.put(b.rows().get(i).path(), i);
        }
        Map<String, ModelDiff.EvidenceShift> explained = new LinkedHashMap<>();
        c.evidence().forEach(e -> explained.put(e.path(), e));
        for (String kind : List.of("broken", "fixed", "bothWrong")) {
            List<String> paths = switch (kind) {
                case "broken" -> c.changed().broken();
                case "fixed" -> c.changed().fixed();
                default -> c.changed().bothWrong();
            };
            if (paths.isEmpty()) {
                continue;
            }
            h.append("<h3>").append(kind.equals("bothWrong") ? "Changed while both wrong" : kind.substring(0, 1)
                    .toUpperCase(Locale.ROOT) + kind.substring(1)).append(" (").append(paths.size()).append(")</h3>\n");
            for (String path : paths.subList(0, Math.min(60, paths.size()))) {
                AuditRow x = a.rows().get(rowA.get(path));
                AuditRow y = b.rows().get(rowB.get(path));
                byte[] preview = a.observations().get(rowA.get(path)).preview();
                ModelDiff.EvidenceShift e = explained.get(path);
                h.append("<details class=\"changed ").append(kind).append("\"><summary><img alt=\"")
                        .append(escape(path)).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(preview)).append("\"><br>")
                        .append(escape(path)).append(String.format(Locale.ROOT, "<br>%s: A %s %.2f, B %s %.2f",
                                escape(x.label()), escape(x.predicted()), x.confidence(), escape(y.predicted()),
                                y.confidence())).append("</summary>");
                if (e != null) {
                    h.append(String.format(Locale.ROOT, "<figure class=\"explanation-a\"><img alt=\"A's explanation\" "
                                    + "src=\"data:image/png;base64,%s\"><figcaption>A: evidence for %s</figcaption></figure>"
                                    + "<figure class=\"explanation-b\"><img alt=\"B's explanation\" src=\"data:image/png;"
                                    + "base64,%s\"><figcaption>B: rank correlation %.2f, top-%d agreement %.2f"
                                    + "</figcaption></figure>", Base64.getEncoder().encodeToString(e.heatMapA()),
                            escape(e.label()), Base64.getEncoder().encodeToString(e.heatMapB()), e.rankCorrelation(),
                            ModelDiff.TOP_K, e.topKAgreement()));
                } else {
                    h.append("<p class=\"muted\">not explained (raise --explain)</p>");
                }
                h.append("</details>\n");
            }
        }
    }
}
