package dev.limelight.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.core.ImageClassifier;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The end-to-end harness: explains real photos with a real model and prints, per run, the time of
 * each stage (segment, masks, score, fit, render), images per second through the model, the
 * framework's overhead (everything but the network's forward passes, preprocessing included) as a share of
 * the total, and
 * peak heap and peak resident memory (RSS, which holds ND4J's off-heap buffers). Sweeps the sample count and the segment count; writes
 * results.csv, results.json and three plots (time vs samples, time vs segments, stage breakdown).
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.EndToEnd MODEL PRESET OUT_DIR photo...}, e.g.
 * {@code benchmarks/run dev.limelight.benchmarks.EndToEnd ../shared/data/models/nsfw_inception_v3.h5 unit
 * out/bench cat_mouse.jpg}; photos are relative to {@code limelight.data.dir}/images. Optional system
 * properties: {@code samples} (comma list, default 100,300,1000), {@code segments} (default 16,64,150),
 * {@code batch} (default 16, the explainer's).
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    /**
     * One measured explanation, times in milliseconds. {@code score} is the whole classifier call
     * (preprocessing, forward pass, output checks); {@code forward} the network's forward passes
     * alone, which is what the overhead share leaves out.
     */
    record Run(String photo, int samples, int segments, double segment, double masks, double score, double forward,
               double fit, double render, double imagesPerSecond, double overheadShare, double heapMb,
               double offHeapMb) {
        double total() {
            return segment + masks + score + fit + render;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--plot")) {
            plot(read(Path.of(args[1]).resolve("results.csv")), Path.of(args[1]));
            return;
        }
        Path model = Path.of(args[0]);
        Preprocessing preset = Preprocessing.byName(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        int[] sampleCounts = ints(System.getProperty("samples", "100,300,1000"));
        int[] segmentCounts = ints(System.getProperty("segments", "16,64,150"));
        int batch = Integer.parseInt(System.getProperty("batch", "16"));
        ImageClassifier classifier = ImageModels.load(model, ModelOptions.builder().preprocessing(preset).build());
        Path images = Path.of(System.getProperty("limelight.data.dir"), "images");
        System.out.printf(Locale.ROOT, "model %s (%s), batch %d, %s%n", model.getFileName(), classifier.input(), batch,
                ManagementFactory.getRuntimeMXBean().getVmVersion());
        System.out.printf(Locale.ROOT, "%-16s %7s %5s %9s %9s %10s %10s %8s %8s %9s %9s %8s %9s%n", "photo",
                "samples", "segs", "segment", "masks", "score", "forward", "fit", "render", "images/s", "overhead",
                "heap MB", "RSS MB");
        List<Run> runs = new ArrayList<>();
        // Warm-up: JIT, natives, the model's workspaces.
        explain(classifier, ImageFiles.read(images.resolve(args[3])), Math.min(2 * batch, 64), 64, batch, out);
        for (int a = 3; a < args.length; a++) {
            RasterImage photo = ImageFiles.read(images.resolve(args[a]));
            for (int n : sampleCounts) {
                runs.add(measure(args[a], classifier, photo, n, SegmenterKind.DEFAULT_SEGMENTS, batch, out));
            }
            for (int s : segmentCounts) {
                if (s != SegmenterKind.DEFAULT_SEGMENTS) {
                    runs.add(measure(args[a], classifier, photo, sampleCounts[sampleCounts.length - 1], s, batch, out));
                }
            }
        }
        write(runs, out);
    }

    private static Run measure(String name, ImageClassifier classifier, RasterImage photo, int n, int segments,
                               int batch, Path out) throws Exception {
        System.gc();
        long[] peak = new long[2];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime r = Runtime.getRuntime();
                peak[0] = Math.max(peak[0], r.totalMemory() - r.freeMemory());
                peak[1] = Math.max(peak[1], Pointer.physicalBytes());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long forward0 = forwardNanos(classifier);
        long r0 = System.nanoTime();
        ImageExplanation e = explain(classifier, photo, n, segments, batch, out);
        double render = (System.nanoTime() - r0) / 1e6 - e.timings().totalMillis();
        sampler.interrupt();
        var t = e.timings();
        double total = t.totalMillis() + render;
        double forward = classifier instanceof NetworkImageClassifier
                ? (forwardNanos(classifier) - forward0) / 1e6
                : t.millis("score");
        Run run = new Run(name, n, e.segmentation().segmentCount(), t.millis("segment"),
                t.millis("masks") + t.millis("prepare"), t.millis("score"), forward, t.millis("fit"), render, n / (forward / 1000), (total - forward) / total,
                peak[0] / 1e6, peak[1] / 1e6);
        System.out.printf(Locale.ROOT, "%-16s %7d %5d %9.0f %9.0f %10.0f %10.0f %8.0f %8.0f %9.2f %8.2f%% %8.0f %9.0f%n",
                run.photo(), run.samples(), run.segments(), run.segment(), run.masks(), run.score(), run.forward(),
                run.fit(), run.render(), run.imagesPerSecond(), 100 * run.overheadShare(), run.heapMb(), run.offHeapMb());
        return run;
    }

    /** The network's forward-pass time so far; 0 for a classifier that is not a loaded network. */
    private static long forwardNanos(ImageClassifier classifier) {
        return classifier instanceof NetworkImageClassifier network ? network.forwardNanos() : 0;
    }

    private static ImageExplanation explain(ImageClassifier classifier, RasterImage photo, int n, int segments, int batch,
                                            Path out) throws Exception {
        ImageExplanation e = new ImageExplainer(ImageExplainerOptions.builder().samples(n).batchSize(batch).topLabels(1)
                .segmenter(SegmenterKind.SLIC.create(segments)).build()).explain(photo, classifier);
        dev.limelight.image.render.ExplanationWriter.write(e, "benchmark", out.resolve("last"));
        return e;
    }

    private static void write(List<Run> runs, Path out) throws Exception {
        StringBuilder csv = new StringBuilder("photo,samples,segments,segment_ms,masks_ms,score_ms,forward_ms,fit_ms,"
                + "render_ms,images_per_s,overhead_share,peak_heap_mb,peak_resident_mb\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Run r : runs) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.3f,%.5f,%.0f,%.0f%n",
                    r.photo(), r.samples(), r.segments(), r.segment(), r.masks(), r.score(), r.forward(), r.fit(), r.render(),
                    r.imagesPerSecond(),
                    r.overheadShare(), r.heapMb(), r.offHeapMb()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("photo", r.photo());
            m.put("samples", r.samples());
            m.put("segments", r.segments());
            m.put("segmentMs", r.segment());
            m.put("masksMs", r.masks());
            m.put("scoreMs", r.score());
            m.put("forwardMs", r.forward());
            m.put("fitMs", r.fit());
            m.put("renderMs", r.render());
            m.put("imagesPerSecond", r.imagesPerSecond());
            m.put("overheadShare", r.overheadShare());
            m.put("peakHeapMb", r.heapMb());
            m.put("peakResidentMb", r.offHeapMb());
            json.add(m);
        }
        Files.writeString(out.resolve("results.csv"), csv);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), json);
        plot(runs, out);
    }

    /** Reads the runs back from a results.csv (for {@code --plot DIR}: plots again without measuring). */
    private static List<Run> read(Path csv) throws java.io.IOException {
        List<Run> runs = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] v = java.util.Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
            runs.add(new Run(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), v[0], v[1], v[2], v[3], v[4], v[5],
                    v[6], v[7], v[8], v[9]));
        }
        return runs;
    }

    /** Time vs samples, time vs segments and the stage breakdown, as PNG files in {@code out}. */
    private static void plot(List<Run> runs, Path out) throws java.io.IOException {

        String photo = runs.get(0).photo();
        List<Run> bySamples = runs.stream().filter(r -> r.photo().equals(photo)
                && r.segments() == runs.get(0).segments()).toList();
        XYChart samples = new XYChartBuilder().width(640).height(400).title("Time vs samples (" + photo + ")")
                .xAxisTitle("samples").yAxisTitle("seconds").build();
        samples.addSeries("total", bySamples.stream().mapToDouble(Run::samples).toArray(),
                bySamples.stream().mapToDouble(r -> r.total() / 1000).toArray());
        samples.addSeries("outside the model", bySamples.stream().mapToDouble(Run::samples).toArray(),
                bySamples.stream().mapToDouble(r -> (r.total() - r.forward()) / 1000).toArray());
        BitmapEncoder.saveBitmap(samples, out.resolve("time_vs_samples.png").toString(), BitmapEncoder.BitmapFormat.PNG);

        int maxSamples = runs.stream().mapToInt(Run::samples).max().orElse(0);
        List<Run> bySegments = runs.stream().filter(r -> r.photo().equals(photo) && r.samples() == maxSamples)
                .sorted((a, b) -> Integer.compare(a.segments(), b.segments())).toList();
        XYChart segments = new XYChartBuilder().width(640).height(400).title("Time vs segments (" + photo + ", "
                + maxSamples + " samples)").xAxisTitle("segments").yAxisTitle("seconds").build();
        segments.addSeries("total", bySegments.stream().mapToDouble(Run::segments).toArray(),
                bySegments.stream().mapToDouble(r -> r.total() / 1000).toArray());
        segments.addSeries("fit", bySegments.stream().mapToDouble(Run::segments).toArray(),
                bySegments.stream().mapToDouble(r -> r.fit() / 1000).toArray());
        BitmapEncoder.saveBitmap(segments, out.resolve("time_vs_segments.png").toString(), BitmapEncoder.BitmapFormat.PNG);

        Run last = bySamples.get(bySamples.size() - 1);
        CategoryChart stages = new CategoryChartBuilder().width(640).height(400).title("Stage breakdown (" + photo + ", "
                + last.samples() + " samples)").xAxisTitle("stage").yAxisTitle("milliseconds").build();
        stages.getStyler().setYAxisLogarithmic(true);
        stages.getStyler().setYAxisMin(1.0); // bars start at 0 otherwise, which a log axis refuses
        stages.addSeries("ms", List.of("segment", "masks", "preprocess + checks", "forward", "fit", "render"),
                List.of(Math.max(1, last.segment()), Math.max(1, last.masks()),
                        Math.max(1, last.score() - last.forward()), Math.max(1, last.forward()), Math.max(1, last.fit()),
                        Math.max(1, last.render())));
        BitmapEncoder.saveBitmap(stages, out.resolve("stages.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.println("wrote " + out.resolve("results.csv") + ", results.json and 3 plots");
        System.out.println("(plot again from the CSV: EndToEnd --plot " + out + ")");
    }

    private static int[] ints(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
