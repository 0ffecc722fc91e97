package dev.limelight.training;

import static dev.limelight.core.report.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import dev.limelight.image.render.HtmlParts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Writes a training watch: time series as CSV and JSON, plots as PNG, and an HTML page. */
final class TrainingReport {

    private TrainingReport() {
    }

    static Path write(LimeTrainingListener watch, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<RelianceRecord> records = watch.records();
        StringBuilder csv = new StringBuilder(
                "epoch,iteration,probe,predicted,probability,ignored_share,top_segments,stability,accuracy,millis\n");
        for (RelianceRecord r : records) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%d,%.6f,%.6f,%s,%.4f,%.4f,%.1f%n", r.epoch(), r.iteration(),
                    r.probe(), r.predicted(), r.probability(), r.ignoredShare(),
                    r.topSegments().toString().replace(",", " "), r.stability(), r.accuracy(), r.millis()));
        }
        AtomicFiles.writeString(dir.resolve("reliance.csv"), csv.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("listenerMillis", watch.listenerMillis());
        json.put("listenerShare", watch.listenerShare());
        json.put("records", records);
        Object sanitized = sanitize(json);
        AtomicFiles.write(dir.resolve("reliance.json"), out -> new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, sanitized));

        XYChart reliance = new XYChartBuilder().width(640).height(400).title("Positive weight in the ignored region")
                .xAxisTitle("epoch").yAxisTitle("share").build();
        reliance.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        Map<String, List<double[]>> byProbe = new LinkedHashMap<>();
        for (RelianceRecord r : records) {
            byProbe.computeIfAbsent(r.probe(), p -> new ArrayList<>()).add(new double[] {r.epoch(), r.ignoredShare()});
        }
        byProbe.forEach((probe, points) -> reliance.addSeries(probe, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
        if (!byProbe.isEmpty()) {
            AtomicFiles.write(dir.resolve("reliance.png"), out -> BitmapEncoder.saveBitmap(reliance, out,
                    BitmapEncoder.BitmapFormat.PNG));
        }
        List<double[]> accuracy = new ArrayList<>();
        int lastEpoch = -1;
        for (RelianceRecord r : records) {
            if (!Double.isNaN(r.accuracy()) && r.epoch() != lastEpoch) {
                accuracy.add(new double[] {r.epoch(), r.accuracy()});
                lastEpoch = r.epoch();
            }
        }
        if (!accuracy.isEmpty()) {
            XYChart chart = new XYChartBuilder().width(640).height(400).title("Accuracy on the evaluation data")
                    .xAxisTitle("epoch").yAxisTitle("accuracy").build();
            chart.addSeries("accuracy", accuracy.stream().mapToDouble(p -> p[0]).toArray(),
                    accuracy.stream().mapToDouble(p -> p[1]).toArray());
            AtomicFiles.write(dir.resolve("accuracy.png"), out -> BitmapEncoder.saveBitmap(chart, out,
                    BitmapEncoder.BitmapFormat.PNG));
        }

        StringBuilder html = new StringBuilder(Page.open("What the model looked at while it trained",
                "figure{margin:0 .6em .6em 0}img.o{width:112px;image-rendering:pixelated}figcaption{font-size:.8em}"));
        html.append(String.format(Locale.ROOT, "<p>%d checkpoints of %d probes; the listener took %.1f s (%.1f %% of the "
                        + "wall time since it was created).</p>\n", records.size() / Math.max(1, watch.probes().size()),
                watch.probes().size(), watch.listenerMillis() / 1000, 100 * watch.listenerShare()));
        if (!byProbe.isEmpty()) {
            html.append(img(ImageIO.read(dir.resolve("reliance.png").toFile()), "reliance on the ignored region", ""));
        }
        if (!accuracy.isEmpty()) {
            html.append(img(ImageIO.read(dir.resolve("accuracy.png").toFile()), "accuracy", ""));
        }
        for (Probe probe : watch.probes()) {
            html.append("<h2>").append(escape(probe.name())).append("</h2>\n");
            List<BufferedImage> images = watch.overlays().getOrDefault(probe.name(), List.of());
            List<RelianceRecord> mine = records.stream().filter(r -> r.probe().equals(probe.name())).toList();
            for (int i = 0; i < images.size() && i < mine.size(); i++) {
                RelianceRecord r = mine.get(i);
                String caption = String.format(Locale.ROOT, "epoch %d: p=%.2f, %.0f %% ignored", r.epoch(), r.probability(),
                        100 * r.ignoredShare());
                html.append("<figure>").append(img(images.get(i), caption, "o")).append("<figcaption>")
                        .append(escape(caption)).append("</figcaption></figure>\n");
            }
        }
        html.append(Page.close());
        Path report = dir.resolve("report.html");
        AtomicFiles.writeString(report, html.toString());
        return report;
    }

    /** JSON has no NaN: replace NaN doubles in records by null. */
    private static Object sanitize(Map<String, Object> json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RelianceRecord r : (List<RelianceRecord>) json.get("records")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", r.epoch());
            row.put("iteration", r.iteration());
            row.put("probe", r.probe());
            row.put("predicted", r.predicted());
            row.put("probability", r.probability());
            row.put("ignoredShare", r.ignoredShare());
            row.put("topSegments", r.topSegments());
            row.put("stability", Double.isNaN(r.stability()) ? null : r.stability());
            row.put("accuracy", Double.isNaN(r.accuracy()) ? null : r.accuracy());
            row.put("millis", r.millis());
            rows.add(row);
        }
        json.put("records", rows);
        return json;
    }

    private static String img(BufferedImage image, String alt, String cls) {
        return HtmlParts.img(image, alt, cls);
    }

}
