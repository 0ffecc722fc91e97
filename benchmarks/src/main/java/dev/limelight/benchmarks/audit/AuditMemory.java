package dev.limelight.benchmarks.audit;

import dev.limelight.audit.AuditCheckpoint;
import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditReport;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.ImageAudit;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.audit.slices.ErrorAnalysis;
import dev.limelight.audit.slices.SliceOptions;
import dev.limelight.core.ProgressListener;
import dev.limelight.models.NetworkImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The resident memory of a long audit over time: the audit of {@link AuditScale} (Fashion-MNIST test
 * images, PER_CLASS a class, the bundled CNN, EXPLAINED explained), run as {@code limelight audit}
 * runs it (with its checkpoint), while a sampler reads the process's resident set ({@code VmRSS})
 * every 200 ms beside the audit's progress. Prints a line per tenth of each stage and, for the
 * classifying pass after its first tenth (the warm-up: the JIT, ND4J's workspaces, the allocator's
 * arenas) and for the explanations, the lowest and highest resident memory and how far apart they are.
 *
 * <p>With {@code -Dwarmup=N} (in {@code BENCH_JAVA_OPTS}) the same JVM first audits every
 * (images / N)-th image, N in all, as a long-running service or Spark executor would have done
 * before: the JVM's own warm-up (JIT compilation, class loading, the collector sizing its heap) is
 * then behind the measured audit.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.audit.AuditMemory OUT [PER_CLASS] [EXPLAINED]}.
 */
public final class AuditMemory {

    /** One reading: when, how much, and how far the audit was. */
    private record Sample(double seconds, double residentMb, double heapCommittedMb, double heapUsedMb,
                          double javacppMb, String stage, long done, long total) {
    }

    private AuditMemory() {
    }

    public static void main(String[] args) throws Exception {
        ScaleAudit setup = ScaleAudit.of(args, "AuditMemory");
        Path out = setup.out();
        int explained = setup.explained();
        NetworkImageClassifier model = setup.model();
        LabelledFolder folder = setup.folder();

        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        String[] stage = {"screen"};
        long[] progress = {0, 0};
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        Runtime runtime = Runtime.getRuntime();
        sampler.scheduleAtFixedRate(() -> samples.add(new Sample((System.nanoTime() - start) / 1e9, residentMb(),
                runtime.totalMemory() / 1048576.0, (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0,
                org.bytedeco.javacpp.Pointer.totalBytes() / 1048576.0, stage[0], progress[0], progress[1])), 0, 200,
                TimeUnit.MILLISECONDS);
        ProgressListener listener = (name, done, total) -> {
            stage[0] = name;
            progress[0] = done;
            progress[1] = total;
        };
        Path audit = out.resolve("audit-memory");
        AuditCheckpoint checkpoint = AuditCheckpoint.in(audit);
        checkpoint.clear();
        int warmup = Integer.getInteger("warmup", 0);
        if (warmup > 0) {
            int stride = Math.max(1, folder.images().size() / warmup);
            List<LabelledImage> every = new ArrayList<>();
            for (int i = 0; i < folder.images().size() && every.size() < warmup; i += stride) {
                every.add(folder.images().get(i));
            }
            AuditOptions quiet = AuditOptions.builder().explained(Math.min(explained, 20)).progress(
                    (name, done, total) -> stage[0] = "warm-up " + name).build();
            new ImageAudit(quiet).run(new LabelledFolder(folder.root(), folder.classes(), every), model, "warm-up",
                    AuditCheckpoint.none());
        }
        AuditOptions options = AuditOptions.builder().explained(explained).progress(listener).build();
        AuditResult result = new ImageAudit(options).run(folder, model, "fashion-mnist-cnn.zip", checkpoint);
        stage[0] = "report";
        AuditReport.write(result, ErrorAnalysis.of(result.rows(), result.folder().classes(), SliceOptions.DEFAULTS, 0),
                audit);
        checkpoint.clear();
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.SECONDS);

        System.out.printf(Locale.ROOT, "%d images, %d explained, %d cores%s; resident memory every 200 ms%n",
                folder.images().size(), explained, Runtime.getRuntime().availableProcessors(),
                warmup > 0 ? ", after a warm-up audit of " + warmup + " images in the same JVM" : "");
        System.out.printf(Locale.ROOT, "%8s %10s %14s %10s %12s  %s%n", "seconds", "RSS (MB)", "heap committed",
                "heap used", "ND4J arrays", "progress");
        String lastKey = "";
        for (Sample s : samples) {
            String key = s.stage() + (s.total() == 0 ? "" : " " + (10 * s.done() / s.total()));
            if (!key.equals(lastKey)) {
                System.out.printf(Locale.ROOT, "%8.1f %10.0f %14.0f %10.0f %12.1f  %s %d/%d%n", s.seconds(),
                        s.residentMb(), s.heapCommittedMb(), s.heapUsedMb(), s.javacppMb(), s.stage(), s.done(),
                        s.total());
                lastKey = key;
            }
        }
        summary("classify (after its first tenth)", samples.stream()
                .filter(s -> s.stage().equals("classify") && s.total() > 0 && s.done() * 10 >= s.total()).toList());
        summary("explain", samples.stream().filter(s -> s.stage().equals("explain")).toList());
        System.out.printf(Locale.ROOT, "whole run: %.1f s, peak resident %s%n", (System.nanoTime() - start) / 1e9,
                AuditScale.peakResident());
    }

    private static void summary(String name, List<Sample> samples) {
        if (samples.isEmpty()) {
            System.out.println(name + ": no samples");
            return;
        }
        double min = samples.stream().mapToDouble(Sample::residentMb).min().orElseThrow();
        double max = samples.stream().mapToDouble(Sample::residentMb).max().orElseThrow();
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        System.out.printf(Locale.ROOT, "%s: %d samples over %.1f s, resident %.0f to %.0f MB (max / min = %.3f; "
                        + "first %.0f, last %.0f MB); outside the Java heap (resident - heap committed) %.0f -> %.0f MB%n",
                name, samples.size(), last.seconds() - first.seconds(), min, max, max / min, first.residentMb(),
                last.residentMb(), first.residentMb() - first.heapCommittedMb(), last.residentMb() - last.heapCommittedMb());
    }

    /** @return the resident set ({@code VmRSS}) in MB, or NaN off Linux */
    static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
