package dev.limelight.studies.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ProgressListener;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.FidelityCurves;
import dev.limelight.core.trust.MaskScorer;
import dev.limelight.image.HideMode;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.MaskedBatchBuilder;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import dev.limelight.models.calibration.CalibratedClassifier;
import dev.limelight.models.calibration.ExplainSpace;
import dev.limelight.models.calibration.ReliabilityBins;
import dev.limelight.models.calibration.Temperature;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainedModel;
import dev.limelight.training.fit.TrainingImages;
import dev.limelight.training.fit.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * "Calibrate to Interpret" on Limelight's explanations: each image explained in the three spaces
 * (probability, calibrated, logit) for its predicted class, hidden segments black, and per space the samples adaptive
 * sampling needs (budget 1000, orthogonal design, top-5 agreement 0.8), the surrogate's R^2, the
 * deletion and insertion areas of the map measured on the model's probabilities (the same output for
 * every space, so the maps are compared on equal terms) against 5 random orders, and the top-5
 * Jaccard agreement of 3 seeds at a fixed sample count; between the spaces, the Spearman correlation
 * and the top-5 overlap of the maps.
 *
 * <p>Two models: an over-confident one (the bundled CNN architecture trained 40 epochs, no learning
 * rate decay, on 3,000 Fashion-MNIST images; its temperature fitted on 1,000 held-out ones; ECE on
 * 300 test images, of which the first N are explained), and the shared InceptionV3 on the shared
 * photos.
 *
 * <p>Resumable: every case is appended to {@code OUT/cases.jsonl} when it is done, and a run skips
 * the cases already there (the over-confident model is kept in {@code OUT/overconfident.zip}).
 *
 * <p>A second, more over-confident CNN ({@code fashion80}): 80 epochs on 750 images, 250 held out.
 *
 * <p>Run: {@code studies/run dev.limelight.studies.calibration.ExplainSpaceStudy OUT [fashion|fashion80|inception|all]
 * [N explained Fashion-MNIST images, default 30] [fixed samples of the stability runs, default 300]}.
 */
public final class ExplainSpaceStudy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUDGET = 1000;
    private static final int TOP_K = 5;
    private static final int STABILITY_RUNS = 3;
    private static final int RANDOM_ORDERS = 5;
    private static final int CURVE_POINTS = 11;
    /**
     * Hidden segments are black: hidden by their mean colour, a Fashion-MNIST garment keeps its
     * silhouette and the over-confident model its probability of 0.9999, so no deletion curve moves.
     */
    private static final HideMode HIDE = HideMode.constant(0, 0, 0);
    private static final List<String> PHOTOS = List.of("astronaut.png", "cat_mouse.jpg", "coffee.png", "dogs.png",
            "goldenretriever.jpg", "rocket.png");

    /**
     * One image explained in one space.
     *
     * @param model           the model's key
     * @param image           the image
     * @param space           the explained space
     * @param label           the explained (predicted) class
     * @param probability     the model's probability of it
     * @param samplesUsed     the samples adaptive sampling used
     * @param converged       whether it reached its agreement before the budget
     * @param r2              the surrogate's weighted R^2 (adaptive run)
     * @param deletion        deletion area on the probabilities, in the map's order
     * @param randomDeletion  the mean over random orders
     * @param insertion       insertion area on the probabilities, in the map's order
     * @param randomInsertion the mean over random orders
     * @param stability       top-5 Jaccard agreement of 3 seeds at the fixed sample count
     * @param weights         the map: every segment's weight (adaptive run)
     * @param seconds         wall time of the case
     */
    public record Case(String model, String image, String space, int label, double probability, int samplesUsed,
                       boolean converged, double r2, double deletion, double randomDeletion, double insertion,
                       double randomInsertion, double stability, double[] weights, double seconds) {
    }

    private ExplainSpaceStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/explain-space");
        String part = args.length > 1 ? args[1] : "all";
        int explained = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int fixedSamples = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        Path data = Path.of(System.getProperty("limelight.data.dir"));
        Files.createDirectories(out);
        Path cases = out.resolve("cases.jsonl");
        List<Case> done = read(cases);
        Set<String> finished = done.stream().map(c -> key(c.model(), c.image(), c.space())).collect(Collectors.toSet());
        System.out.printf(Locale.ROOT, "%d cases done before; %s%n", done.size(), cases);
        if (part.equals("fashion") || part.equals("all")) {
            overConfident(data, out, explained, fixedSamples, cases, finished, OverConfident.FORTY_EPOCHS);
        }
        if (part.equals("fashion80") || part.equals("all")) {
            overConfident(data, out, explained, fixedSamples, cases, finished, OverConfident.EIGHTY_EPOCHS);
        }
        if (part.equals("inception") || part.equals("all")) {
            Path file = data.resolve("models/nsfw_inception_v3.h5");
            NetworkImageClassifier inception = ImageModels.load(file,
                    ModelOptions.builder().preprocessing(Preprocessing.UNIT).build());
            double t = inceptionTemperature(out);
            Temperature temperature = new Temperature(t, "fixed at " + t + ": the shared data holds no labelled images "
                    + "of its classes to fit one on");
            List<RasterImage> photos = new ArrayList<>();
            for (String photo : PHOTOS) {
                photos.add(ImageFiles.read(data.resolve("images").resolve(photo)));
            }
            run("inception", inception, Optional.of(temperature), PHOTOS, photos, fixedSamples, cases, finished);
        }
        table(read(cases));
    }

    /** InceptionV3 has no labelled set of its classes here; its calibrated space uses the temperature in OUT/inception-temperature.txt (default 2). */
    private static double inceptionTemperature(Path out) throws IOException {
        Path file = out.resolve("inception-temperature.txt");
        return Files.exists(file) ? Double.parseDouble(Files.readString(file).trim()) : 2.0;
    }

    /**
     * How an over-confident CNN is trained: the bundled architecture, no decay, a quarter of the images
     * held out for its temperature.
     *
     * @param key    the model's name in the cases
     * @param file   where it is kept in OUT
     * @param epochs its epochs
     * @param images its training images (a quarter held out)
     */
    private record OverConfident(String key, String file, int epochs, int images) {
        static final OverConfident FORTY_EPOCHS = new OverConfident("over-confident CNN", "overconfident.zip", 40, 4000);
        static final OverConfident EIGHTY_EPOCHS = new OverConfident("over-confident CNN, 80 epochs on 750 images",
                "overconfident-80.zip", 80, 1000);
    }

    private static void overConfident(Path data, Path out, int explained, int fixedSamples, Path cases,
                                      Set<String> finished, OverConfident recipe) throws IOException {
        FashionMnist fashion = FashionMnist.read(data.resolve("fashion-mnist"));
        FashionMnist.Split split = fashion.split(42, 5000, 10_000);
        int[] train = Arrays.copyOf(split.train(), recipe.images());
        int[] test = Arrays.copyOf(split.test(), 300);
        Path zip = out.resolve(recipe.file());
        NetworkImageClassifier model;
        ModelOptions options = ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .inputSize(FashionMnist.SIZE, FashionMnist.SIZE).classNames(FashionMnist.CLASS_NAMES)
                .name(recipe.key()).build();
        if (Files.exists(zip)) {
            model = ImageModels.load(zip, options);
        } else {
            long t0 = System.nanoTime();
            TrainedModel trained = ImageTrainer.train(recipe.key(), FashionImages.of(fashion, train),
                    new TrainingOptions(recipe.epochs(), 64, 2e-3, 1.0, 42, 0.25), ProgressListener.NONE);
            TrainedModel.writeModel(trained.network(), trained.card(), zip);
            System.out.printf(Locale.ROOT, "trained in %.0f s: validation accuracy %.4f on %d images, T = %.3f%n",
                    (System.nanoTime() - t0) / 1e9, trained.validationAccuracy(), trained.validationCount(),
                    trained.card().temperature());
            model = ImageModels.load(zip, options);
        }
        TrainingImages testImages = FashionImages.of(fashion, test);
        double temperature = model.network().card().orElseThrow().temperature();
        INDArray p = model.predict(PhotoBatch.of(testImages.images(), model.input()));
        int[] labels = testImages.labels();
        System.out.printf(Locale.ROOT, recipe.key() + " on %d test images: accuracy %.4f, ECE %.4f, at the "
                        + "validation temperature T = %.3f: ECE %.4f%n", labels.length, accuracy(p, labels),
                ReliabilityBins.of(p, labels).expectedCalibrationError(), temperature,
                ReliabilityBins.of(CalibratedClassifier.scale(p, temperature), labels).expectedCalibrationError());
        List<String> names = new ArrayList<>();
        List<RasterImage> images = new ArrayList<>();
        for (int i = 0; i < explained; i++) {
            names.add("fashion-mnist/" + test[i]);
            images.add(testImages.images().get(i));
        }
        run(recipe.key(), model, Optional.empty(), names, images, fixedSamples, cases, finished);
    }

    private static void run(String modelKey, NetworkImageClassifier model, Optional<Temperature> temperature,
                            List<String> names, List<RasterImage> images, int fixedSamples, Path cases,
                            Set<String> finished) throws IOException {
        for (int i = 0; i < images.size(); i++) {
            for (ExplainSpace space : ExplainSpace.values()) {
                if (finished.contains(key(modelKey, names.get(i), space.id()))) {
                    continue;
                }
                long t0 = System.nanoTime();
                ImageClassifier explained = space.apply(model,
                        space == ExplainSpace.CALIBRATED ? temperature : Optional.empty());
                Case c = explain(modelKey, names.get(i), space, images.get(i), model, explained, fixedSamples, t0);
                Files.writeString(cases, JSON.writeValueAsString(c) + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.out.printf(Locale.ROOT, "%s %s %-11s samples %4d%s R2 %.3f deletion %.4f (random %.4f) "
                                + "insertion %.4f (random %.4f) stability %.2f, %.0f s%n", modelKey, names.get(i),
                        space.id(), c.samplesUsed(), c.converged() ? "" : "+", c.r2(), c.deletion(), c.randomDeletion(),
                        c.insertion(), c.randomInsertion(), c.stability(), c.seconds());
            }
        }
    }

    private static Case explain(String modelKey, String name, ExplainSpace space, RasterImage image,
                                NetworkImageClassifier probabilities, ImageClassifier explained, int fixedSamples,
                                long started) {
        HideMode hide = HIDE;
        ImageExplainerOptions adaptive = ImageExplainerOptions.builder().samples(BUDGET).hideMode(hide)
                .samplingDesign(SamplingDesign.ORTHOGONAL).adaptive(AdaptiveSampling.DEFAULTS).topLabels(1).seed(0)
                .build();
        ImageExplanation e = new ImageExplainer(adaptive).explain(image, explained);
        SamplingReport sampling = e.samplingIfAdaptive().orElseThrow();
        int segments = e.segmentation().segmentCount();
        double[] weights = new double[segments];
        e.top().surrogate().weights().forEach(w -> weights[w.feature()] = w.weight());
        FidelityCurves curves = FidelityCurves.measure(e.top().surrogate(), segments,
                scorer(e, hide, probabilities), Math.min(CURVE_POINTS, segments + 1), RANDOM_ORDERS, 0);
        ImageExplainerOptions fixed = ImageExplainerOptions.builder().samples(fixedSamples).hideMode(hide)
                .topLabels(1).seed(0).stability(STABILITY_RUNS, TOP_K).build();
        double stability = new ImageExplainer(fixed).explain(image, explained).top().trust().stabilityIfMeasured()
                .orElseThrow().topKJaccard();
        double probability = probabilities.predict(PhotoBatch.of(List.of(e.image()), probabilities.input()))
                .getDouble(0, e.top().label());
        return new Case(modelKey, name, space.id(), e.top().label(), probability, sampling.used(),
                sampling.converged(), e.top().surrogate().score(), curves.deletionArea(), curves.randomDeletionArea(),
                curves.insertionArea(), curves.randomInsertionArea(), stability, weights,
                (System.nanoTime() - started) / 1e9);
    }

    /** Scores masks of an explanation's segments through the model's probabilities. */
    private static MaskScorer scorer(ImageExplanation e, HideMode hide, NetworkImageClassifier model) {
        RasterImage image = e.image();
        MaskedBatchBuilder builder = MaskedBatchBuilder.direct(image, hide.fill(image, e.segmentation()),
                e.segmentation(), model.input().layout());
        return masks -> {
            SampleMatrix samples = SampleMatrix.ofFlags(masks);
            double[][] rows = new double[masks.length][];
            for (int from = 0; from < masks.length; from += 32) {
                int count = Math.min(32, masks.length - from);
                try (INDArray batch = builder.build(samples, from, count)) {
                    double[][] p = model.predict(batch).toDoubleMatrix();
                    System.arraycopy(p, 0, rows, from, count);
                }
            }
            return rows;
        };
    }

    private static void table(List<Case> cases) {
        Map<String, List<Case>> byModelAndSpace = new LinkedHashMap<>();
        cases.forEach(c -> byModelAndSpace.computeIfAbsent(c.model() + " | " + c.space(), k -> new ArrayList<>()).add(c));
        System.out.printf(Locale.ROOT, "%n| model | space | images | samples needed | converged | surrogate R² | "
                + "deletion (random) | insertion (random) | top-5 stability |%n|---|---|---:|---:|---:|---:|---:|---:|---:|%n");
        byModelAndSpace.forEach((key, list) -> System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.2f | %s | %s (%s) "
                        + "| %s (%s) | %s |%n", list.get(0).model(), list.get(0).space(), list.size(),
                meanSe(list.stream().mapToDouble(Case::samplesUsed).toArray(), 0),
                list.stream().filter(Case::converged).count() / (double) list.size(),
                meanSe(list.stream().mapToDouble(Case::r2).toArray(), 4),
                meanSe(list.stream().mapToDouble(Case::deletion).toArray(), 4),
                meanSe(list.stream().mapToDouble(Case::randomDeletion).toArray(), 4),
                meanSe(list.stream().mapToDouble(Case::insertion).toArray(), 4),
                meanSe(list.stream().mapToDouble(Case::randomInsertion).toArray(), 4),
                meanSe(list.stream().mapToDouble(Case::stability).toArray(), 2)));
        Map<String, Map<String, Case>> byImage = new LinkedHashMap<>();
        cases.forEach(c -> byImage.computeIfAbsent(c.model() + " | " + c.image(), k -> new LinkedHashMap<>())
                .put(c.space(), c));
        System.out.printf(Locale.ROOT, "%n| model | maps compared | images | Spearman | top-5 overlap |%n|---|---|---:|---:|---:|%n");
        String[][] pairs = {{"probability", "calibrated"}, {"probability", "logit"}, {"calibrated", "logit"}};
        for (String model : cases.stream().map(Case::model).distinct().toList()) {
            for (String[] pair : pairs) {
                List<double[]> both = byImage.entrySet().stream().filter(en -> en.getKey().startsWith(model + " | "))
                        .map(Map.Entry::getValue).filter(m -> m.containsKey(pair[0]) && m.containsKey(pair[1]))
                        .map(m -> new double[] {new SpearmansCorrelation().correlation(m.get(pair[0]).weights(),
                                m.get(pair[1]).weights()), overlap(m.get(pair[0]).weights(), m.get(pair[1]).weights())})
                        .toList();
                if (!both.isEmpty()) {
                    System.out.printf(Locale.ROOT, "| %s | %s / %s | %d | %s | %s |%n", model, pair[0], pair[1],
                            both.size(), meanSe(both.stream().mapToDouble(b -> b[0]).toArray(), 3),
                            meanSe(both.stream().mapToDouble(b -> b[1]).toArray(), 2));
                }
            }
        }
    }

    /** The share of the top-5 segments (by weight) two maps have in common. */
    private static double overlap(double[] a, double[] b) {
        Set<Integer> topA = top(a);
        Set<Integer> topB = top(b);
        topA.retainAll(topB);
        return topA.size() / (double) TOP_K;
    }

    private static Set<Integer> top(double[] w) {
        return java.util.stream.IntStream.range(0, w.length).boxed().sorted((i, j) -> Double.compare(w[j], w[i]))
                .limit(TOP_K).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static double accuracy(INDArray p, int[] labels) {
        INDArray predicted = p.argMax(1);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted.getInt(i) == labels[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }

    private static List<Case> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                cases.add(JSON.readValue(line, Case.class));
            }
        }
        return cases;
    }

    private static String key(String model, String image, String space) {
        return model + "|" + image + "|" + space;
    }

    private static String meanSe(double[] values, int decimals) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length - 1);
        String format = "%." + decimals + "f ± %." + decimals + "f";
        return String.format(Locale.ROOT, format, mean, Math.sqrt(var / values.length));
    }
}
