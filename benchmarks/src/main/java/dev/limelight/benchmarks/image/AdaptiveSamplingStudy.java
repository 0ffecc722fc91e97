package dev.limelight.benchmarks.image;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.TopSets;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.Stability;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
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
 * calls? For each photo and each of R seeds (1000, 1001, ...) the top label is explained with a fixed
 * 400 samples (40 % of the reference's) and adaptively (stop at predicted top-5 agreement 0.8, budget 1000),
 * both with the chosen sampling design; with {@code --reference}, also as the reference does (the
 * independent design, a fixed 1000 samples). Trust is the top-5 agreement across the R seeds (mean
 * pairwise Jaccard), measured on independent runs, not the stopping rule's own prediction; cost is
 * the samples adaptive sampling used (median over the seeds). "same as reference" is the mean Jaccard
 * of an adaptive run's top 5 with a reference run's: whether the cheaper explanation is the same one.
 *
 * <p>Runs with one seed and design draw their samples from the same seeded matrix in the same order,
 * so the 400-sample and the adaptive runs score a prefix of the same images. A
 * {@link MemoizingClassifier} lets the model score each image once; the explanations are exactly those
 * of separate runs. Its answers are kept in {@code out/studies/MODEL-SIZE.answers} (shared with
 * {@link NeighbourhoodDump}), so a second run costs no model time.
 *
 * <p>{@code --adaptive-only} leaves out the fixed-400 runs (which would score at least 400 samples
 * per seed even where adaptive sampling stops sooner): for slow models.
 *
 * <p>With {@code --trajectories} it also writes {@code out/studies/adaptive-trajectories-DESIGN.csv}:
 * per photo, seed and checked sample count n the top 5 of the fit on the first n samples and the
 * agreement the stopping rule predicts at n (this scores the whole budget for every seed).
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.AdaptiveSamplingStudy [--design
 * independent|antithetic|orthogonal] [--budget N] [--round N] [--threshold T] [--reference]
 * [--adaptive-only] [--trajectories] MODEL.h5 SIZE R photo...} (photos relative to {@code limelight.data.dir}/images).
 */
public final class AdaptiveSamplingStudy {

    private static final int REFERENCE_SAMPLES = 1000;
    private static final int SHORT = 400;

    private AdaptiveSamplingStudy() {
    }

    public static void main(String[] args) throws Exception {
        FreshThread.run("study", () -> run(args));
    }

    private static void run(String[] args) throws IOException {
        SamplingDesign design = SamplingDesign.INDEPENDENT;
        int budget = REFERENCE_SAMPLES;
        AdaptiveSampling rule = AdaptiveSampling.DEFAULTS;
        boolean reference = false;
        boolean trajectories = false;
        boolean fixed = true;
        while (args.length > 0 && args[0].startsWith("--")) {
            int used = 2;
            switch (args[0]) {
                case "--design" -> design = SamplingDesign.valueOf(args[1].toUpperCase(Locale.ROOT));
                case "--budget" -> budget = Integer.parseInt(args[1]);
                case "--round" -> rule = new AdaptiveSampling(Integer.parseInt(args[1]), rule.threshold(), rule.topK(),
                        rule.draws());
                case "--threshold" -> rule = new AdaptiveSampling(rule.roundSize(), Double.parseDouble(args[1]),
                        rule.topK(), rule.draws());
                case "--reference" -> {
                    reference = true;
                    used = 1;
                }
                case "--adaptive-only" -> {
                    fixed = false;
                    used = 1;
                }
                case "--trajectories" -> {
                    trajectories = true;
                    used = 1;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[0]);
            }
            args = Arrays.copyOfRange(args, used, args.length);
        }
        if (args.length < 4) {
            System.err.println("usage: AdaptiveSamplingStudy [--design independent|antithetic|orthogonal] [--budget N] "
                    + "[--round N] [--threshold T] [--reference] [--adaptive-only] [--trajectories] MODEL SIZE SEEDS PHOTO...");
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
        String designName = design.name().toLowerCase(Locale.ROOT);
        StringBuilder csv = new StringBuilder("photo,seed,n,predicted_agreement,top5\n");
        Path trajectoryFile = studies.resolve("adaptive-trajectories-" + designName + ".csv");
        System.out.printf(Locale.ROOT, "model %s, %d seeds per setting, SLIC %d segments, batch 16, %s design, %s, "
                        + "budget %d%n", model.getFileName(), runs, SegmenterKind.DEFAULT_SEGMENTS, designName, rule,
                budget);
        System.out.printf(Locale.ROOT, "%-20s %8s %14s %10s %10s %26s %7s %12s%n", "photo", "segments",
                "reference 1000", "fixed 400", "adaptive", "adaptive samples", "saved", "same as ref");
        List<Double> medians = new ArrayList<>();
        List<Double> adaptiveAgreements = new ArrayList<>();
        long started = System.nanoTime();
        for (String photo : Arrays.copyOfRange(args, 3, args.length)) {
            RasterImage image = ImageFiles.read(images.resolve(photo));
            ImageExplainerOptions base = ImageExplainerOptions.builder().topLabels(1).batchSize(16).build();
            ImageExplanation probe = new ImageExplainer(base.toBuilder().samples(2).build()).explain(image, classifier);
            int label = probe.top().label();
            List<Set<Integer>> references = new ArrayList<>();
            List<Set<Integer>> fixedShort = new ArrayList<>();
            List<Set<Integer>> adaptive = new ArrayList<>();
            int[] used = new int[runs];
            for (int r = 0; r < runs; r++) {
                ImageExplainerOptions seeded = base.toBuilder().labels(label).seed(1000L + r).build();
                if (reference) {
                    references.add(top5(new ImageExplainer(seeded.toBuilder().samples(REFERENCE_SAMPLES).build())
                            .explain(image, classifier)));
                }
                ImageExplainerOptions designed = seeded.toBuilder().samplingDesign(design).build();
                if (fixed) {
                    fixedShort.add(top5(new ImageExplainer(designed.toBuilder().samples(SHORT).build())
                            .explain(image, classifier)));
                }
                ImageExplanation adaptiveRun = new ImageExplainer(designed.toBuilder().samples(budget).adaptive(rule)
                        .build()).explain(image, classifier);
                adaptive.add(top5(adaptiveRun));
                used[r] = adaptiveRun.samples();
                if (trajectories) {
                    trajectory(csv, photo, designed, rule, image, classifier, budget);
                    Files.writeString(trajectoryFile, csv);
                }
            }
            double median = median(Arrays.stream(used).asDoubleStream().toArray());
            double agreement = Stability.meanPairwiseJaccard(adaptive);
            medians.add(median);
            adaptiveAgreements.add(agreement);
            System.out.printf(Locale.ROOT, "%-20s %8d %14s %10s %10.3f %26s %6.1fx %12s%n", photo,
                    probe.segmentation().segmentCount(),
                    reference ? String.format(Locale.ROOT, "%.3f", Stability.meanPairwiseJaccard(references)) : "-",
                    fixed ? String.format(Locale.ROOT, "%.3f", Stability.meanPairwiseJaccard(fixedShort)) : "-", agreement,
                    String.format(Locale.ROOT, "%.0f (%s)", median,
                            Arrays.stream(used).mapToObj(Integer::toString).collect(Collectors.joining("/"))),
                    REFERENCE_SAMPLES / median,
                    reference ? String.format(Locale.ROOT, "%.3f", crossAgreement(adaptive, references)) : "-");
        }
        double overall = median(medians.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "median adaptive samples over photos: %.0f (%.0f %% of %d); median adaptive "
                        + "agreement %.3f; model calls %d (answers known %d) in %.0f s%n", overall,
                100 * overall / REFERENCE_SAMPLES, REFERENCE_SAMPLES,
                median(adaptiveAgreements.stream().mapToDouble(Double::doubleValue).toArray()),
                classifier.modelCalls(), classifier.known(), (System.nanoTime() - started) / 1e9);
    }

    /** Top-5 sets at every checked n and the agreement the stopping rule predicts there. */
    private static void trajectory(StringBuilder csv, String photo, ImageExplainerOptions designed,
                                   AdaptiveSampling rule, RasterImage image, MemoizingClassifier classifier,
                                   int budget) {
        SamplingReport report = new ImageExplainer(designed.toBuilder().samples(budget)
                .adaptive(new AdaptiveSampling(rule.roundSize(), 1.0, rule.topK(), rule.draws())).build())
                .explain(image, classifier).samplingIfAdaptive().orElseThrow();
        for (int i = 0; i < report.rounds().size(); i++) {
            int n = report.rounds().get(i);
            Set<Integer> top = top5(new ImageExplainer(designed.toBuilder().samples(n).build()).explain(image, classifier));
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%s%n", photo, designed.seed(), n,
                    report.agreements().get(i), top.stream().sorted().map(String::valueOf).collect(Collectors.joining(" "))));
        }
    }

    /** Mean Jaccard index over every pair of one set from each list. */
    private static double crossAgreement(List<Set<Integer>> a, List<Set<Integer>> b) {
        double sum = 0;
        for (Set<Integer> x : a) {
            for (Set<Integer> y : b) {
                sum += TopSets.jaccard(x, y);
            }
        }
        return sum / (a.size() * b.size());
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
