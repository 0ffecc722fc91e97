package dev.limelight.benchmarks.models;

import dev.limelight.core.ImageClassifier;
import dev.limelight.models.BundledModels;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Measures images per second of {@code predict} for each model at batch sizes 1, 8, 32 and 64 (by
 * default), the way an explainer calls it: a fresh batch of uniform random pixels in [0, 255] per
 * call (copied outside the timed region, since predict preprocesses in place), timed call by call
 * with {@link System#nanoTime()}, after warm-up calls. Each batch and its output are closed after
 * the call. DL4J also allocates off-heap buffers that javacpp frees only when the garbage collector
 * finds them, so without a cap the process grows between collections (InceptionV3 at batch 32
 * reached 14 GB resident here; one call needs about 5 GB): run it with
 * {@code -Dorg.bytedeco.javacpp.maxphysicalbytes=8G}, which makes javacpp collect before growing
 * past that. The ND4J backend and whether its natives have oneDNN are printed first. A model is skipped, with the reason, when its
 * file is absent. Prints a table (and writes CSV when asked); not a JMH benchmark because one
 * InceptionV3 call at batch 32 takes seconds on 2 cores. ND4J's SGEMM rate (2048 x 2048) is measured
 * first, and each model is measured with the inference plan on and off ({@code --plans on,off}; {@code nchw}:
 * on, with the channels-first layout too), with
 * its GFLOP/s (convolution and dense multiply-adds, {@code NetworkFlops}) and that rate's share of
 * the SGEMM rate.
 *
 * <pre>
 * benchmarks/run dev.limelight.benchmarks.models.ModelThroughput [--data DIR]
 *   [--models inception,mobilenet,fashion] [--batches 1,8,32,64] [--seconds S] [--calls C] [--warmup W]
 *   [--plans on,off] [--csv FILE]
 * BENCH_PROFILE=cpu-plain benchmarks/run ...     # the same with the plain CPU natives (no oneDNN)
 * </pre>
 * Defaults: data {@code ../shared/data}, all three models, batches 1, 8, 32, 64, at least 10 s and
 * 3 timed calls per cell, 1 warm-up call.
 */
public final class ModelThroughput {

    private ModelThroughput() {
    }

    /** One measured cell of the table. */
    record Measurement(String model, int batch, int calls, double seconds) {
        double imagesPerSecond() {
            return batch * calls / seconds;
        }
    }

    /**
     * Runs the measurements.
     *
     * @param args see the class comment
     * @throws IOException if the CSV cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/data");
        List<String> models = List.of("inception", "mobilenet", "fashion");
        int[] batches = {1, 8, 32, 64};
        double minSeconds = 10;
        int minCalls = 3;
        int warmup = 1;
        List<String> plans = List.of("on", "off");
        Path csv = null;
        if (args.length % 2 != 0) {
            fail(args[args.length - 1]);
        }
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--data" -> data = Path.of(value);
                case "--models" -> models = List.of(value.split(","));
                case "--batches" -> batches = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> minSeconds = Double.parseDouble(value);
                case "--calls" -> minCalls = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--csv" -> csv = Path.of(value);
                case "--plans" -> plans = List.of(value.split(","));
                default -> fail(args[i]);
            }
        }

        String backend = Nd4j.getBackend().getClass().getSimpleName(); // initialises ND4J before its native ops
        String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        System.out.printf(Locale.ROOT, "backend %s, oneDNN %s, %d cores, ND4J threads %s%n",
                backend, build.contains("HAVE_ONEDNN") ? "yes" : "no",
                Runtime.getRuntime().availableProcessors(), System.getenv().getOrDefault("OMP_NUM_THREADS", "(default)"));

        double sgemm = sgemmGflops(2048);
        System.out.printf(Locale.ROOT, "ND4J SGEMM 2048 x 2048: %.1f GFLOP/s%n", sgemm);

        Map<String, Supplier<NetworkImageClassifier>> loaders = new LinkedHashMap<>();
        Path inception = data.resolve("models/nsfw_inception_v3.h5");
        Path mobilenet = data.resolve("models/nsfw_mobilenet_v2.h5");
        ModelOptions unit = ModelOptions.builder().preprocessing(Preprocessing.UNIT).build();
        loaders.put("inception", () -> ImageModels.load(inception, unit));
        loaders.put("mobilenet", () -> ImageModels.load(mobilenet, unit));
        loaders.put("fashion", BundledModels::fashionMnist);
        Map<String, Path> files = Map.of("inception", inception, "mobilenet", mobilenet);

        List<Measurement> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-36s %5s %6s %6s %10s %10s %9s %7s%n", "model", "plan", "batch", "calls",
                "images/s", "ms/image", "GFLOP/s", "/SGEMM");
        for (String key : models) {
            if (!loaders.containsKey(key)) {
                throw new IllegalArgumentException("unknown model " + key + "; choose from " + loaders.keySet());
            }
            if (files.containsKey(key) && !Files.exists(files.get(key))) {
                System.out.println(key + ": skipped, " + files.get(key) + " is absent");
                continue;
            }
            for (String plan : plans) {
                System.setProperty("limelight.plan", plan.equals("off") ? "false" : "true");
                System.setProperty("limelight.plan.layout", plan.equals("nchw") ? "true" : "false");
                NetworkImageClassifier model = loaders.get(key).get();
                double gflop = NetworkFlops.perImage(model.network().network(), model.input()) / 1e9;
                String name = key + " " + model.input();
                for (int batch : batches) {
                    Measurement m = measure(name + " plan " + plan, model, batch, warmup, minCalls, minSeconds);
                    results.add(m);
                    double rate = m.imagesPerSecond() * gflop;
                    System.out.printf(Locale.ROOT, "%-36s %5s %6d %6d %10.2f %10.2f %9.1f %7.2f%n", name, plan, batch,
                            m.calls(), m.imagesPerSecond(), 1000 / m.imagesPerSecond(), rate, rate / sgemm);
                }
                System.out.printf(Locale.ROOT, "  (%s: %.3f GFLOP per image)%n", key, gflop);
            }
            System.clearProperty("limelight.plan");
            System.clearProperty("limelight.plan.layout");
        }
        if (csv != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
                out.println("model,batch,calls,seconds,images_per_second");
                for (Measurement m : results) {
                    out.printf(Locale.ROOT, "%s,%d,%d,%.4f,%.4f%n", m.model(), m.batch(), m.calls(), m.seconds(),
                            m.imagesPerSecond());
                }
            }
        }
    }

    private static Measurement measure(String name, ImageClassifier model, int batch, int warmup, int minCalls,
            double minSeconds) {
        Nd4j.getRandom().setSeed(batch);
        INDArray pixels = Nd4j.rand(DataType.FLOAT, model.input().batchShape(batch)).muli(255);
        for (int i = 0; i < warmup; i++) {
            INDArray copy = pixels.dup();
            model.predict(copy).close();
            copy.close();
        }
        int calls = 0;
        long nanos = 0;
        while (calls < minCalls || nanos < minSeconds * 1e9) {
            INDArray copy = pixels.dup();
            long start = System.nanoTime();
            INDArray probabilities = model.predict(copy);
            nanos += System.nanoTime() - start;
            calls++;
            // free the off-heap buffers now rather than at the next garbage collection
            probabilities.close();
            copy.close();
        }
        pixels.close();
        return new Measurement(name, batch, calls, nanos / 1e9);
    }

    /** @return ND4J's single-precision matrix product rate on n x n matrices, best of 5 after 2 warm-ups */
    static double sgemmGflops(int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (i >= 2) {
                best = Math.min(best, seconds);
            }
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    private static void fail(String option) {
        throw new IllegalArgumentException("bad option " + option
                + "; use --data DIR --models a,b --batches 1,8,32,64 --seconds S --calls C --warmup W --plans on,off --csv FILE");
    }
}
