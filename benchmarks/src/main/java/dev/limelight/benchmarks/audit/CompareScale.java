package dev.limelight.benchmarks.audit;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.compare.Comparison;
import dev.limelight.audit.compare.ComparisonReport;
import dev.limelight.audit.compare.ModelRun;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A model diff at scale: the bundled CNN (model A) against the same architecture trained one epoch
 * on 10,000 other training images (model B), on Fashion-MNIST test images (PER_CLASS a class, 1000
 * by default: 10,000 images), EXPLAINED changed images explained under both models (20 by default).
 * Prints the wall time of each stage (classifying and profiling with each model, the diff with its
 * bootstrap, McNemar, cohorts and explanations, the report), the diff's headline figures and the
 * peak resident memory.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.audit.CompareScale OUT [PER_CLASS] [EXPLAINED]}.
 */
public final class CompareScale {

    private CompareScale() {
    }

    public static void main(String[] args) throws IOException {
        ScaleAudit setup = ScaleAudit.of(args, "CompareScale", 20);
        Path out = setup.out();
        int explained = setup.explained();
        NetworkImageClassifier a = setup.model();
        long t0 = System.nanoTime();
        NetworkImageClassifier b = modelB();
        long t1 = System.nanoTime();
        LabelledFolder folder = setup.folder();
        AuditOptions options = AuditOptions.builder().build();
        System.out.printf(Locale.ROOT, "%d images, %d explained, %d cores; model B trained in %.1f s%n",
                folder.images().size(), explained, Runtime.getRuntime().availableProcessors(), (t1 - t0) / 1e9);
        long s0 = System.nanoTime();
        ModelRun runA = ModelRun.of("bundled", a, folder, options);
        long s1 = System.nanoTime();
        ModelRun runB = ModelRun.of("one epoch", b, folder, options);
        long s2 = System.nanoTime();
        Comparison comparison = Comparison.models(runA, runB, explained, options);
        long s3 = System.nanoTime();
        ComparisonReport.write(comparison, out.resolve("compare"));
        long s4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "classify and profile with A %.1f s, with B %.1f s; diff (bootstrap, McNemar, "
                        + "cohorts, %d explained twice, SP-LIME) %.1f s; report %.1f s; total %.1f s%n",
                (s1 - s0) / 1e9, (s2 - s1) / 1e9, comparison.evidence().size(), (s3 - s2) / 1e9, (s4 - s3) / 1e9,
                (s4 - s0) / 1e9);
        System.out.printf(Locale.ROOT, "accuracy A %.4f, B %.4f; fixed %d, broken %d, both wrong %d; McNemar p %.3g; "
                        + "%d cohorts; report.html %.2f MB, compare.json %.2f MB; peak resident memory %s%n",
                comparison.modelA().accuracy(), comparison.modelB().accuracy(), comparison.changed().fixed().size(),
                comparison.changed().broken().size(), comparison.changed().bothWrong().size(),
                comparison.mcnemar().pValue(), comparison.cohorts().size(),
                Files.size(out.resolve("compare").resolve("report.html")) / 1e6,
                Files.size(out.resolve("compare").resolve("compare.json")) / 1e6, AuditScale.peakResident());
    }

    /** The bundled architecture, one epoch on the first 10,000 training images of the bundled split, seed 7. */
    private static NetworkImageClassifier modelB() throws IOException {
        FashionMnist fashion = FashionMnist.read(Path.of(System.getProperty("limelight.data.dir"), "fashion-mnist"));
        int[] train = Arrays.copyOf(fashion.split(42, 5000, 10_000).train(), 10_000);
        List<TrainingImages.Example> examples = new ArrayList<>();
        for (int i : train) {
            float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
            fashion.copyPixels(i, pixels, 0);
            examples.add(new TrainingImages.Example("train/" + i, new RasterImage(FashionMnist.SIZE, FashionMnist.SIZE, 1,
                    pixels), FashionMnist.SIZE, FashionMnist.SIZE, fashion.label(i)));
        }
        TrainingImages images = new TrainingImages(FashionMnist.CLASS_NAMES,
                new ImageInput(FashionMnist.SIZE, FashionMnist.SIZE, 1, ImageLayout.NCHW), examples);
        TrainedModel trained = ImageTrainer.train("one-epoch", images,
                TrainingOptions.DEFAULTS.withEpochs(1).withSeed(7).withValidationShare(0), ProgressListener.NONE);
        return ImageModels.wrap(trained.network(), ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .inputSize(FashionMnist.SIZE, FashionMnist.SIZE).classNames(FashionMnist.CLASS_NAMES).name("one epoch")
                .build());
    }
}
