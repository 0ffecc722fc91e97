package dev.limelight.studies.training;

import dev.limelight.audit.ImageRegion;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.ProgressListener;
import dev.limelight.image.RasterImage;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainedModel;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import dev.limelight.training.fix.Artifact;
import dev.limelight.training.fix.FixMethod;
import dev.limelight.training.fix.Improvement;
import dev.limelight.training.fix.ImprovementOptions;
import dev.limelight.training.fix.ImprovementResult;
import dev.limelight.training.fix.MarkedRegion;
import dev.limelight.training.fix.Verification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;

/**
 * Does fixing a shortcut work on real data? Fashion-MNIST with the shortcut of
 * {@link FashionMnistShortcut} (a bright 4 x 4 patch on every training T-shirt), per seed:
 * <ul>
 *   <li>the shortcut model: the bundled architecture trained {@code E} epochs on the patched images;</li>
 *   <li>the control: trained {@code E + F} epochs on the same images without the patch;</li>
 *   <li>each fix: the shortcut model fine-tuned {@code F} more epochs by {@link Improvement} (so every
 *       model has seen {@code E + F} epochs).</li>
 * </ul>
 * Each model is measured on clean test images ({@link Verification}): accuracy, accuracy of the
 * other classes' test images with the patch pasted in, and the share of the explanations' positive
 * weight on the patch (20 images, 300 samples, 64 cells). Prints a table of means with standard
 * errors over the seeds.
 *
 * <p>Run: {@code studies/run dev.limelight.studies.training.ImprovementStudy [train images] [E] [F] [seeds]
 * [methods]} (defaults 12000, 3, 2, 3, every method; methods comma-separated, e.g. {@code rrr}).
 */
public final class ImprovementStudy {

    private static final ImageInput INPUT = new ImageInput(FashionMnist.SIZE, FashionMnist.SIZE, 1, ImageLayout.NCHW);
    private static final String REGION = "1,1,4,4";

    private ImprovementStudy() {
    }

    public static void main(String[] args) throws Exception {
        int trainCount = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int fineTune = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Variant> variants = args.length > 4 ? Arrays.stream(args[4].split(",")).map(Variant::parse).toList()
                : Arrays.stream(FixMethod.values()).map(m -> new Variant(m, Double.NaN)).toList();
        FashionMnist data = FashionMnist.read(java.nio.file.Path.of(System.getProperty("limelight.data.dir"),
                "fashion-mnist"));
        FashionMnist.Split split = data.split(42, 5000, 10_000);
        int[] train = Arrays.copyOf(split.train(), trainCount);
        int[] test = Arrays.copyOf(split.test(), 2000);
        TrainingImages patched = images(data, train, true);
        TrainingImages clean = images(data, train, false);
        TrainingImages testImages = images(data, test, false);
        ImageRegion region = ImageRegion.Rectangle.parse(REGION);
        MarkedRegion testRegion = new MarkedRegion(region, testImages);
        Artifact artifact = Artifact.of(patched, new MarkedRegion(region, patched), FashionMnistShortcut.CUE_CLASS);
        System.out.printf(Locale.ROOT, "Fashion-MNIST, %d training images, the patch (%s) on every %s; %d test images; "
                + "shortcut %d epochs, fixes %d more, control %d; %d seeds%n", trainCount, REGION,
                FashionMnist.CLASS_NAMES.get(FashionMnistShortcut.CUE_CLASS), test.length, epochs, fineTune,
                epochs + fineTune, seeds);
        Map<String, List<Verification>> results = new LinkedHashMap<>();
        for (int s = 0; s < seeds; s++) {
            long seed = 42 + s;
            TrainingOptions options = TrainingOptions.DEFAULTS.withEpochs(epochs).withSeed(seed).withValidationShare(0);
            TrainedModel shortcut = ImageTrainer.train("shortcut", patched, options, ProgressListener.NONE);
            TrainedModel control = ImageTrainer.train("control", clean, options.withEpochs(epochs + fineTune),
                    ProgressListener.NONE);
            Verification.Settings settings = new Verification.Settings(20, 300, 64, seed);
            record("shortcut", results, measure(shortcut.network(), testImages, testRegion, artifact, settings), seed);
            record("control", results, measure(control.network(), testImages, testRegion, artifact, settings), seed);
            for (Variant variant : variants) {
                ImprovementOptions fix = ImprovementOptions.DEFAULTS.withMethod(variant.method()).withShare(variant.share())
                        .withTraining(new TrainingOptions(fineTune, 64, 1e-3, 1, seed, 0.05))
                        .withCarrierClass(FashionMnistShortcut.CUE_CLASS).withVerification(settings);
                long t0 = System.nanoTime();
                ImprovementResult r = Improvement.run(classifier(shortcut.network()), shortcut.network(), patched,
                        region, fix, ProgressListener.NONE);
                System.out.printf(Locale.ROOT, "  seed %d %s: fine-tuned and verified in %.0f s%n", seed, variant,
                        (System.nanoTime() - t0) / 1e9);
                record(variant.toString(), results, measure(r.network(), testImages, testRegion, artifact, settings), seed);
            }
        }
        System.out.printf(Locale.ROOT, "%n| model | clean test accuracy | accuracy with the patch added | weight on the patch |%n"
                + "|---|---:|---:|---:|%n");
        results.forEach((name, list) -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", name,
                meanSe(list.stream().mapToDouble(Verification::cleanAccuracy).toArray()),
                meanSe(list.stream().mapToDouble(Verification::shortcutAccuracy).toArray()),
                meanSe(list.stream().mapToDouble(Verification::regionShare).toArray())));
    }

    /** A fix to run: its method and share of altered images (NaN: the method's default), written {@code method[:share]}. */
    private record Variant(FixMethod method, double share) {
        static Variant parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Variant(FixMethod.byId(text), Double.NaN)
                    : new Variant(FixMethod.byId(text.substring(0, colon)), Double.parseDouble(text.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return Double.isNaN(share) ? method.id() : method.id() + " (share " + share + ")";
        }
    }

    private static void record(String name, Map<String, List<Verification>> results, Verification v, long seed) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        System.out.printf(Locale.ROOT, "  seed %d %-18s clean %.4f, with the patch %.4f, weight on the patch %.3f%n",
                seed, name, v.cleanAccuracy(), v.shortcutAccuracy(), v.regionShare());
    }

    private static Verification measure(Model network, TrainingImages test, MarkedRegion region, Artifact artifact,
                                        Verification.Settings settings) {
        return Verification.measure(classifier(network), test, region, artifact, settings, ProgressListener.NONE, "");
    }

    private static NetworkImageClassifier classifier(Model network) {
        return ImageModels.wrap(network, ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .inputSize(FashionMnist.SIZE, FashionMnist.SIZE).classNames(FashionMnist.CLASS_NAMES).build());
    }

    private static TrainingImages images(FashionMnist data, int[] indices, boolean patched) {
        List<TrainingImages.Example> examples = new ArrayList<>(indices.length);
        for (int i : indices) {
            RasterImage image = FashionMnistShortcut.image(data, i,
                    patched && data.label(i) == FashionMnistShortcut.CUE_CLASS);
            examples.add(new TrainingImages.Example("fashion-mnist/" + i, image, FashionMnist.SIZE, FashionMnist.SIZE,
                    data.label(i)));
        }
        return new TrainingImages(FashionMnist.CLASS_NAMES, INPUT, examples);
    }

    /** "mean ± standard error" of the values. */
    private static String meanSe(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1);
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(var / values.length));
    }
}
