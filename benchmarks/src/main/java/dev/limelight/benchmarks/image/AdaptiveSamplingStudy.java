package dev.limelight.benchmarks.image;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.trust.Stability;
import dev.limelight.image.AdaptiveSampling;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.Preprocessing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Does adaptive sampling reach the trust of the reference's fixed 1000 samples with fewer model
 * calls? For each photo: explain the top label with R seeds at a fixed 1000 samples, and with R
 * seeds adaptively (rounds of 100, stop at bootstrap top-5 agreement 0.8, budget 1000); report the
 * top-5 agreement across the seeds (mean pairwise Jaccard) of each, and the samples adaptive
 * sampling used (median over the seeds).
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.AdaptiveSamplingStudy MODEL.h5 SIZE R
 * photo...} (photos relative to {@code limelight.data.dir}/images), e.g. {@code
 * benchmarks/run dev.limelight.benchmarks.image.AdaptiveSamplingStudy
 * ../shared/data/models/nsfw_mobilenet_v2.h5 224 3 cat_mouse.jpg dogs.png}.
 */
public final class AdaptiveSamplingStudy {

    private AdaptiveSamplingStudy() {
    }

    public static void main(String[] args) {
        Path model = Path.of(args[0]);
        int runs = Integer.parseInt(args[2]);
        Path images = Path.of(System.getProperty("limelight.data.dir"), "images");
        ImageClassifier classifier = ImageModels.load(model, ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .build());
        System.out.printf(Locale.ROOT, "model %s, %d seeds per setting, SLIC %d segments, batch 16%n", model.getFileName(),
                runs, SegmenterKind.DEFAULT_SEGMENTS);
        System.out.printf(Locale.ROOT, "%-20s %22s %22s %16s %10s%n", "photo", "fixed 1000: agreement",
                "adaptive: agreement", "samples (median)", "calls saved");
        List<Double> medians = new ArrayList<>();
        for (String photo : Arrays.copyOfRange(args, 3, args.length)) {
            RasterImage image = ImageFiles.read(images.resolve(photo));
            ImageExplainerOptions base = ImageExplainerOptions.builder().topLabels(1).batchSize(16).build();
            int label = new ImageExplainer(base.toBuilder().samples(2).build()).explain(image, classifier).top().label();
            List<Set<Integer>> fixedTops = new ArrayList<>();
            List<Set<Integer>> adaptiveTops = new ArrayList<>();
            int[] used = new int[runs];
            for (int r = 0; r < runs; r++) {
                ImageExplainerOptions seeded = base.toBuilder().labels(label).seed(1000L + r).build();
                fixedTops.add(top5(new ImageExplainer(seeded.toBuilder().samples(1000).build()).explain(image, classifier)));
                ImageExplanation adaptive = new ImageExplainer(seeded.toBuilder().samples(1000)
                        .adaptive(AdaptiveSampling.DEFAULTS).build()).explain(image, classifier);
                adaptiveTops.add(top5(adaptive));
                used[r] = adaptive.samples();
            }
            int[] sorted = used.clone();
            Arrays.sort(sorted);
            double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2.0;
            medians.add(median);
            System.out.printf(Locale.ROOT, "%-20s %22.3f %22.3f %16.0f %9.1fx%n", photo,
                    Stability.meanPairwiseJaccard(fixedTops), Stability.meanPairwiseJaccard(adaptiveTops), median,
                    1000 / median);
        }
        double[] all = medians.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "median samples over photos: %.0f (%.0f %% of 1000)%n", all[all.length / 2],
                all[all.length / 2] / 10);
    }

    private static Set<Integer> top5(ImageExplanation e) {
        Set<Integer> top = new HashSet<>();
        for (FeatureWeight w : e.top().surrogate().top(5)) {
            top.add(w.feature());
        }
        return top;
    }
}
