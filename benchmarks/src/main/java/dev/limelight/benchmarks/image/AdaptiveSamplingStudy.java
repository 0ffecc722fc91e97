package dev.limelight.benchmarks.image;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.trust.Stability;
import dev.limelight.image.AdaptiveSampling;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SamplingDesign;
import dev.limelight.image.SamplingReport;
import dev.limelight.image.SegmenterKind;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Does adaptive sampling reach the trust of the reference's fixed 1000 samples with fewer model
 * calls? For each photo and each of R seeds, the top label is explained with a fixed 1000 samples,
 * with a fixed 400 (the bar's 40 %), and adaptively (rounds of 100, stop at bootstrap top-5 agreement
 * 0.8, budget 1000). Trust is the top-5 agreement across the R seeds (mean pairwise Jaccard), i.e.
 * measured on independent runs, not the bootstrap's own estimate; cost is the samples adaptive
 * sampling used (median over the seeds).
 *
 * <p>All three settings draw their samples from the same seeded matrix in the same order (the
 * explainer draws the full budget up front and rounds take its first rows), so the 400-sample and the
 * adaptive runs score a prefix of the 1000-sample run's images. A {@link MemoizingClassifier} lets
 * the model score each image once; the explanations are exactly those of three separate runs. Its
 * answers are kept in {@code out/studies/MODEL.answers}, so a second run costs no model time.
 *
 * <p>Besides the table it writes {@code out/studies/adaptive-trajectories.csv}: per photo, seed and
 * sample count n (100, 200, ..., 1000) the top-5 segments of the fit on the first n samples and the
 * bootstrap agreement the stopping rule sees at n (from a run whose threshold is never reached
 * early), so other stopping rules can be judged offline against the agreement across seeds.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.AdaptiveSamplingStudy [--design
 * independent|antithetic] MODEL.h5 SIZE R photo...} (photos relative to {@code limelight.data.dir}/images), e.g. {@code
 * benchmarks/run dev.limelight.benchmarks.image.AdaptiveSamplingStudy
 * ../shared/data/models/nsfw_mobilenet_v2.h5 224 3 cat_mouse.jpg dogs.png}.
 */
public final class AdaptiveSamplingStudy {

    private static final int REFERENCE_SAMPLES = 1000;
    private static final int SHORT = 400;

    private AdaptiveSamplingStudy() {
    }

    public static void main(String[] args) throws IOException {
        SamplingDesign design = SamplingDesign.INDEPENDENT;
        int budget = REFERENCE_SAMPLES;
        while (args.length > 1 && args[0].startsWith("--")) {
            switch (args[0]) {
                case "--design" -> design = SamplingDesign.valueOf(args[1].toUpperCase(Locale.ROOT));
                case "--budget" -> budget = Integer.parseInt(args[1]);
                default -> throw new IllegalArgumentException("unknown option " + args[0]);
            }
            args = Arrays.copyOfRange(args, 2, args.length);
        }
        if (args.length < 4) {
            System.err.println("usage: AdaptiveSamplingStudy [--design independent|antithetic] [--budget N] MODEL SIZE "
                    + "SEEDS PHOTO...");
            System.exit(2);
        }
        Path model = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path images = Path.of(System.getProperty("limelight.data.dir"), "images");
        Path studies = Files.createDirectories(Path.of("out", "studies"));
        MemoizingClassifier classifier = new MemoizingClassifier(ImageModels.load(model, ModelOptions.builder()
                .preprocessing(Preprocessing.UNIT).inputSize(size, size).build()),
                studies.resolve(model.getFileName() + "-" + size + ".answers"));
        StringBuilder csv = new StringBuilder("photo,seed,n,bootstrap_agreement,top5\n");
        System.out.printf(Locale.ROOT, "model %s, %d seeds per setting, SLIC %d segments, batch 16, %s, %s design%n",
                model.getFileName(), runs, SegmenterKind.DEFAULT_SEGMENTS, AdaptiveSampling.DEFAULTS,
                design.name().toLowerCase(Locale.ROOT));
        String trajectories = "adaptive-trajectories" + (design == SamplingDesign.INDEPENDENT ? ""
                : "-" + design.name().toLowerCase(Locale.ROOT)) + ".csv";
        System.out.printf(Locale.ROOT, "%-18s %9s %11s %10s %10s %18s %8s%n", "photo", "segments", "fixed " + budget,
                "fixed 400", "adaptive", "adaptive samples", "saved");
        List<Double> medians = new ArrayList<>();
        List<Double> adaptiveAgreements = new ArrayList<>();
        long started = System.nanoTime();
        for (String photo : Arrays.copyOfRange(args, 3, args.length)) {
            RasterImage image = ImageFiles.read(images.resolve(photo));
            ImageExplainerOptions base = ImageExplainerOptions.builder().topLabels(1).batchSize(16)
                    .samplingDesign(design).build();
            ImageExplanation probe = new ImageExplainer(base.toBuilder().samples(2).build()).explain(image, classifier);
            int label = probe.top().label();
            List<Set<Integer>> fixed = new ArrayList<>();
            List<Set<Integer>> fixedShort = new ArrayList<>();
            List<Set<Integer>> adaptive = new ArrayList<>();
            int[] used = new int[runs];
            for (int r = 0; r < runs; r++) {
                ImageExplainerOptions seeded = base.toBuilder().labels(label).seed(1000L + r).build();
                fixed.add(top5(new ImageExplainer(seeded.toBuilder().samples(budget).build()).explain(image, classifier)));
                fixedShort.add(top5(new ImageExplainer(seeded.toBuilder().samples(SHORT).build())
                        .explain(image, classifier)));
                ImageExplanation adaptiveRun = new ImageExplainer(seeded.toBuilder().samples(budget)
                        .adaptive(AdaptiveSampling.DEFAULTS).build()).explain(image, classifier);
                adaptive.add(top5(adaptiveRun));
                used[r] = adaptiveRun.samples();
                trajectory(csv, photo, seeded, image, classifier, budget);
                Files.writeString(studies.resolve(trajectories), csv);
            }
            double median = median(Arrays.stream(used).asDoubleStream().toArray());
            double agreement = Stability.meanPairwiseJaccard(adaptive);
            medians.add(median);
            adaptiveAgreements.add(agreement);
            System.out.printf(Locale.ROOT, "%-18s %9d %11.3f %10.3f %10.3f %18s %7.1fx%n", photo,
                    probe.segmentation().segmentCount(), Stability.meanPairwiseJaccard(fixed),
                    Stability.meanPairwiseJaccard(fixedShort), agreement,
                    String.format(Locale.ROOT, "%.0f (%s)", median,
                            Arrays.stream(used).mapToObj(Integer::toString).collect(Collectors.joining("/"))),
                    REFERENCE_SAMPLES / median);
        }
        double overall = median(medians.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "median adaptive samples over photos: %.0f (%.0f %% of %d); median adaptive "
                        + "agreement %.3f; model calls %d (answers known %d) in %.0f s%n", overall, 100 * overall / REFERENCE_SAMPLES,
                REFERENCE_SAMPLES,
                median(adaptiveAgreements.stream().mapToDouble(Double::doubleValue).toArray()),
                classifier.modelCalls(), classifier.known(), (System.nanoTime() - started) / 1e9);
    }

    /** Top-5 sets at n = 100..1000 and the bootstrap agreement at each round (model answers cached). */
    private static void trajectory(StringBuilder csv, String photo, ImageExplainerOptions seeded, RasterImage image,
                                   MemoizingClassifier classifier, int budget) {
        SamplingReport report = new ImageExplainer(seeded.toBuilder().samples(budget)
                .adaptive(new AdaptiveSampling(100, 1.0, 5, AdaptiveSampling.DEFAULTS.bootstrap())).build())
                .explain(image, classifier).samplingIfAdaptive().orElseThrow();
        for (int n = 100; n <= budget; n += 100) {
            Set<Integer> top = top5(new ImageExplainer(seeded.toBuilder().samples(n).build()).explain(image, classifier));
            int round = report.rounds().indexOf(n);
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s%n", photo, seeded.seed(), n,
                    round < 0 ? "" : String.format(Locale.ROOT, "%.4f", report.agreements().get(round)),
                    top.stream().sorted().map(String::valueOf).collect(Collectors.joining(" "))));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static Set<Integer> top5(ImageExplanation e) {
        Set<Integer> top = new HashSet<>();
        for (FeatureWeight w : e.top().surrogate().top(5)) {
            top.add(w.feature());
        }
        return top;
    }
}
