package dev.limelight.benchmarks.image;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageClassifier;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.SegmenterKind;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.calibration.CalibratedClassifier;
import dev.limelight.models.fashion.FashionMnist;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Does calibration change the explanation? ("Calibrate to Interpret", Scafarto et al., ECML-PKDD
 * 2022.) Explains held-out Fashion-MNIST test images with the bundled CNN, once on its raw
 * probabilities and once on temperature-scaled ones (the temperature fitted on the validation
 * split, stored in the model card), and reports the agreement of the two top-5 segment sets, and
 * each one's stability over 3 seeds.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.CalibrationStudy [images]}.
 */
public final class CalibrationStudy {

    private CalibrationStudy() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        NetworkImageClassifier raw = BundledModels.fashionMnist();
        double t = raw.network().card().orElseThrow().temperature();
        ImageClassifier calibrated = new CalibratedClassifier(raw, t);
        FashionMnist data = FashionMnist.read(Path.of(System.getProperty("limelight.data.dir"), "fashion-mnist"));
        int[] test = data.split(42, 5000, 10_000).test();
        ImageExplainerOptions options = ImageExplainerOptions.builder().samples(1000).topLabels(1)
                .segmenter(SegmenterKind.SLIC.create(24)).stability(3, 5).build();
        System.out.printf(Locale.ROOT, "bundled Fashion-MNIST CNN, T = %.3f, %d test images, 1000 samples, SLIC 24, "
                + "stability over 3 seeds%n", t, count);
        System.out.printf(Locale.ROOT, "%5s %-12s %8s %8s %12s %12s %12s%n", "image", "class", "p raw", "p cal",
                "top-5 same", "stab raw", "stab cal");
        double agree = 0;
        double stabilityRaw = 0;
        double stabilityCal = 0;
        int sameTop1 = 0;
        for (int k = 0; k < count; k++) {
            int i = test[k];
            float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
            data.copyPixels(i, pixels, 0);
            RasterImage image = new RasterImage(FashionMnist.SIZE, FashionMnist.SIZE, 1, pixels);
            ImageExplanation a = new ImageExplainer(options).explain(image, raw);
            ImageExplanation b = new ImageExplainer(options.toBuilder().labels(a.top().label()).build())
                    .explain(image, calibrated);
            Set<Integer> topA = top(a);
            Set<Integer> topB = top(b);
            double jaccard = dev.limelight.core.trust.Stability.meanPairwiseJaccard(List.of(topA, topB));
            double sa = a.top().trust().stability().topKJaccard();
            double sb = b.top().trust().stability().topKJaccard();
            agree += jaccard;
            stabilityRaw += sa;
            stabilityCal += sb;
            sameTop1 += a.top().surrogate().weights().get(0).feature() == b.top().surrogate().weights().get(0).feature()
                    ? 1 : 0;
            System.out.printf(Locale.ROOT, "%5d %-12s %8.4f %8.4f %12.3f %12.3f %12.3f%n", i, a.top().name(),
                    a.top().probability(), b.top().probability(), jaccard, sa, sb);
        }
        System.out.printf(Locale.ROOT, "mean: top-5 agreement raw vs calibrated %.3f, same top segment %d of %d; "
                + "stability raw %.3f, calibrated %.3f%n", agree / count, sameTop1, count, stabilityRaw / count,
                stabilityCal / count);
    }

    private static Set<Integer> top(ImageExplanation e) {
        Set<Integer> top = new HashSet<>();
        for (FeatureWeight w : e.top().surrogate().top(5)) {
            top.add(w.feature());
        }
        return top;
    }
}
