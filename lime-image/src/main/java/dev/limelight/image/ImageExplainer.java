package dev.limelight.image;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.Neighbourhood;
import dev.limelight.core.SamplingNoise;
import dev.limelight.core.TopKForecast;
import dev.limelight.core.trust.Counterfactuals;
import dev.limelight.core.trust.FidelityCurves;
import dev.limelight.core.trust.Stability;
import org.nd4j.linalg.factory.Nd4j;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LIME for images (Ribeiro, Singh and Guestrin, KDD 2016, section 3.3 and 6): which superpixels of
 * a photo made an image classifier predict a label.
 *
 * <p>The photo is resized to the model's input (see {@link ImageResizer}) and segmented; N samples
 * keep each segment with probability 1/2 (row 0 keeps all); the perturbed images are built chunk by
 * chunk as model batches by a {@link MaskedBatchBuilder} into one reused batch (never all at once,
 * so memory stays bounded for any N) and scored; a K-Lasso fit on the 0/1 sample matrix, weighted by the cosine distance to
 * the original, gives each segment's weight per label.
 *
 * <p>How it differs from the reference {@code lime_image}: the perturbed images are built as whole
 * batches without a per-sample copy of the image; segment labels always run 0..S-1 (the reference
 * never hides one SLIC segment); runs are repeatable from the seed; the model's output is checked
 * (finite, non-negative, rows summing to 1); hidden segments can also show a blurred image.
 */
public final class ImageExplainer {

    /** The smallest photo side explained: 8 pixels (smaller images hold too little to segment). */
    public static final int MIN_SIDE = 8;

    private final ImageExplainerOptions options;

    /** @param options the explanation options */
    public ImageExplainer(ImageExplainerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return an explainer with the default options */
    public static ImageExplainer withDefaults() {
        return new ImageExplainer(ImageExplainerOptions.defaults());
    }

    /** @return the options */
    public ImageExplainerOptions options() {
        return options;
    }

    /**
     * Explains the classifier's prediction on a photo.
     *
     * @param photo      any size, gray or RGB
     * @param classifier the model
     * @return the explanation of the top labels, or of the labels in the options
     * @throws IllegalArgumentException if a requested label is out of the model's range, the photo is
     *                                  smaller than {@link #MIN_SIDE} on a side, or the image has a
     *                                  single segment
     * @throws IllegalStateException    if the model returns something other than probabilities
     */
    public ImageExplanation explain(RasterImage photo, ImageClassifier classifier) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(classifier, "classifier");
        ImageInput input = classifier.input();
        int classes = classifier.classCount();
        int[] requested = options.labels();
        if (requested != null) {
            for (int label : requested) {
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("label " + label + " is out of range: the model has " + classes
                            + " classes (0.." + (classes - 1) + ")");
                }
            }
        }

        if (photo.width() < MIN_SIDE || photo.height() < MIN_SIDE) {
            throw new IllegalArgumentException("the image is " + photo.width() + " x " + photo.height()
                    + " pixels: too small to explain (at least " + MIN_SIDE + " x " + MIN_SIDE + ")");
        }
        long t0 = System.nanoTime();
        RasterImage image = ImageResizer.resize(photo, input.width(), input.height()).withChannels(input.channels());
        long t1 = System.nanoTime();
        Segmentation segmentation = options.segmenter().segment(image);
        if (segmentation.segmentCount() < 2) {
            throw new IllegalArgumentException("the segmenter " + options.segmenter() + " found a single segment in "
                    + image + ": nothing to explain; ask for more segments");
        }
        long t2 = System.nanoTime();

        int s = segmentation.segmentCount();
        int budget = options.samples();
        SampleMatrix samples = SampleMatrix.draw(budget, s, options.seed(), options.samplingDesign());
        RasterImage fill = options.hideMode().fill(image, segmentation);
        MaskedBatchBuilder builder = MaskedBatchBuilder.forActiveBackend(image, fill, segmentation, input.layout());
        long preparedAt = System.nanoTime();
        KLasso klasso = new KLasso(KLassoOptions.builder()
                .kernelWidth(options.kernelWidth())
                .featureSelection(options.featureSelection())
                .numFeatures(options.numFeatures())
                .build());
        AdaptiveSampling adaptive = options.adaptive();
        double[][] predictions = new double[budget][];
        long fitNanos = 0;
        long trustNanos = 0;
        try (BatchScorer scorer = new BatchScorer(classifier, builder, options.batchSize(), options.progress())) {
            int n = adaptive == null ? budget : Math.min(adaptive.roundSize(), budget);
            scorer.score(samples, 0, n, predictions, "score", 0, budget);
            int[] labels = requested != null ? requested : topLabels(predictions[0], options.topLabels());
            SamplingReport sampling = null;
            if (adaptive != null) {
                List<Integer> rounds = new ArrayList<>();
                List<Double> agreements = new ArrayList<>();
                TopKForecast last = null;
                boolean converged = false;
                while (true) {
                    if (n >= Math.min(2 * adaptive.roundSize(), budget)) {
                        long a0 = System.nanoTime();
                        last = forecast(klasso, samples, predictions, n, labels, adaptive);
                        double agreement = last.agreement();
                        fitNanos += System.nanoTime() - a0;
                        rounds.add(n);
                        agreements.add(agreement);
                        if (agreement >= adaptive.threshold()) {
                            converged = true;
                            break;
                        }
                    }
                    if (n == budget) {
                        break;
                    }
                    int next = Math.min(n + adaptive.roundSize(), budget);
                    scorer.score(samples, n, next - n, predictions, "score", n, budget);
                    n = next;
                }
                sampling = new SamplingReport(budget, n, rounds, agreements, converged, last);
            }

            long f0 = System.nanoTime();
            List<LocalExplanation> fits = fit(klasso, samples, predictions, n, labels);
            fitNanos += System.nanoTime() - f0;

            long t3 = System.nanoTime();
            long scoreBefore = scorer.scoreNanos();
            long buildBefore = scorer.buildNanos();
            List<TrustReport> trust = trust(scorer, klasso, fits, labels, n, s, predictions[0]);
            trustNanos = System.nanoTime() - t3;

            List<String> names = classifier.classNames();
            List<LabelExplanation> explained = new ArrayList<>(labels.length);
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i];
                String name = label < names.size() ? names.get(label) : "class " + label;
                explained.add(new LabelExplanation(label, name, predictions[0][label], fits.get(i), trust.get(i)));
            }
            StageTimings timings = new StageTimings((t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (preparedAt - t2 + buildBefore) / 1e6, scoreBefore / 1e6, fitNanos / 1e6,
                    trustNanos / 1e6);
            return new ImageExplanation(image, segmentation, explained, options.seed(), n, options, timings, sampling);
        }
    }

    /** K-Lasso on the first {@code n} samples. */
    static List<LocalExplanation> fit(KLasso klasso, SampleMatrix samples, double[][] predictions, int n, int[] labels) {
        return klasso.explain(neighbourhood(samples, predictions, n), labels);
    }

    private static Neighbourhood neighbourhood(SampleMatrix samples, double[][] predictions, int n) {
        INDArray z = samples.rows(0, n, DataType.DOUBLE);
        double[][] scored = java.util.Arrays.copyOf(predictions, n);
        return Neighbourhood.of(z, Nd4j.createFromArray(scored),
                Nd4j.createFromArray(CosineDistance.toOriginal(z, CosineDistance.IMAGE_SCALE)));
    }

    /**
     * The stopping rule of adaptive sampling: what fresh draws of {@code n} samples would make of the
     * top k, predicted from the sampling noise of the fit on the first {@code n} (no model call; see
     * {@link SamplingNoise}), for the label whose top k would agree least.
     */
    private TopKForecast forecast(KLasso klasso, SampleMatrix samples, double[][] predictions, int n, int[] labels,
                                  AdaptiveSampling adaptive) {
        Neighbourhood neighbourhood = neighbourhood(samples, predictions, n);
        List<LocalExplanation> fits = klasso.explain(neighbourhood, labels);
        boolean pairs = options.samplingDesign() != SamplingDesign.INDEPENDENT;
        TopKForecast lowest = null;
        for (int i = 0; i < labels.length; i++) {
            int[] features = fits.get(i).weights().stream().mapToInt(FeatureWeight::feature).toArray();
            if (features.length == 0) {
                continue;
            }
            TopKForecast forecast = SamplingNoise.of(neighbourhood, klasso.options().kernel(), labels[i], features,
                    klasso.options().ridgeAlpha(), pairs).forecastTopK(adaptive.topK(), adaptive.draws(),
                    options.seed() ^ (31L * n + labels[i]));
            if (lowest == null || forecast.agreement() < lowest.agreement()) {
                lowest = forecast;
            }
        }
        return lowest != null ? lowest : new TopKForecast(adaptive.topK(), 1, java.util.Map.of());
    }

    /** The trust measures asked for, per label (all model calls through the same batch scorer). */
    private List<TrustReport> trust(BatchScorer scorer, KLasso klasso, List<LocalExplanation> fits, int[] labels, int n,
                                    int s, double[] original) {
        List<List<LocalExplanation>> runs = new ArrayList<>();
        for (LocalExplanation fit : fits) {
            List<LocalExplanation> perLabel = new ArrayList<>();
            perLabel.add(fit);
            runs.add(perLabel);
        }
        int extra = options.stabilityRuns() - 1;
        if (extra > 0) {
            List<SampleMatrix> others = new ArrayList<>();
            for (int r = 1; r <= extra; r++) {
                others.add(SampleMatrix.draw(n, s, options.seed() + r, options.samplingDesign()));
            }
            SampleMatrix all = SampleMatrix.concat(others);
            double[][] scored = new double[all.samples()][];
            scorer.score(all, 0, all.samples(), scored, "stability", 0, all.samples());
            for (int r = 0; r < extra; r++) {
                double[][] part = java.util.Arrays.copyOfRange(scored, r * n, (r + 1) * n);
                List<LocalExplanation> refits = fit(klasso, others.get(r), part, n, labels);
                for (int i = 0; i < labels.length; i++) {
                    runs.get(i).add(refits.get(i));
                }
            }
        }
        ImageMaskScorer masks = new ImageMaskScorer(scorer);
        int predicted = topLabels(original, 1)[0];
        List<TrustReport> reports = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            Stability stability = extra > 0 ? Stability.of(runs.get(i), options.stabilityTopK()) : null;
            FidelityCurves curves = options.fidelityCurves()
                    ? FidelityCurves.measure(fits.get(i), s, masks, Math.min(FidelityCurves.DEFAULT_POINTS, s + 1),
                            FidelityCurves.DEFAULT_RANDOM_ORDERS, options.seed())
                    : null;
            Counterfactuals.Counterfactual counterfactual = options.counterfactual() && labels[i] == predicted
                    ? Counterfactuals.search(fits.get(i), s, masks).orElse(null)
                    : null;
            reports.add(new TrustReport(stability, curves, counterfactual));
        }
        return reports;
    }

    /** The {@code k} labels of highest probability, most probable first (ties to the lower index). */
    static int[] topLabels(double[] probabilities, int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(Math.min(k, probabilities.length))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Override
    public String toString() {
        return "ImageExplainer[" + options + "]";
    }
}
