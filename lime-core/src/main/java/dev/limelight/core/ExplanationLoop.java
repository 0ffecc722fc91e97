package dev.limelight.core;

import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SampleDrawer;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.sampling.SamplingOptions;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.Counterfactuals;
import dev.limelight.core.trust.FidelityCurves;
import dev.limelight.core.trust.MaskScorer;
import dev.limelight.core.trust.Stability;
import dev.limelight.core.trust.TrustOptions;
import dev.limelight.core.trust.TrustReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one LIME loop, shared by every kind of input (as Captum's {@code LimeBase}): draw the sample
 * matrix, score the perturbed inputs batch by batch, weight the samples by their cosine distance to
 * the original (or another {@link SampleDistance}), fit K-Lasso per label, and take the trust
 * measures asked for. A modality supplies only an {@link InterpretableInput}: how many features it
 * has, how far a sample lies from the original, how rows of the sample matrix become model outputs
 * and, for tables, how the rows are drawn.
 *
 * <p>With adaptive sampling the samples are scored in rounds and the loop stops once the sampling
 * noise of the fit predicts a stable top k ({@link SamplingNoise}); stability re-draws the samples
 * with seeds {@code seed + 1 ..} and scores them in one stream; fidelity curves and the
 * counterfactual score feature masks through the same input.
 */
public final class ExplanationLoop {

    /** How rows of the sample matrix become model outputs, for one kind of input. */
    @FunctionalInterface
    public interface SampleScorer {

        /**
         * Scores rows {@code [from, from + count)} of the samples into {@code predictions[from ..]}:
         * one row of model outputs per sample, checked.
         *
         * @param stage     reported to a progress listener ("score", "stability", "trust")
         * @param doneSoFar units finished before this call, for the progress listener
         * @param total     units in all, for the progress listener
         */
        void score(SampleMatrix samples, int from, int count, double[][] predictions, String stage, long doneSoFar,
                   long total);
    }

    /**
     * What a modality supplies: its interpretable features, how far a sample lies from the original,
     * how samples become model outputs and, if it has its own, how the samples are drawn.
     *
     * @param featureCount d, the number of features (segments, words, columns), at least 1
     * @param distance     the distance of a sample to the original (cosine for images and text,
     *                     Euclidean for tables)
     * @param outputKind   what the model's output rows are
     * @param scorer       scores rows of the sample matrix
     * @param drawer       draws the sample matrices, or null to draw with the settings' sampling design
     */
    public record InterpretableInput(int featureCount, SampleDistance distance, OutputKind outputKind,
                                     SampleScorer scorer, SampleDrawer drawer) {

        /** @throws IllegalArgumentException if there is no feature */
        public InterpretableInput {
            if (featureCount < 1) {
                throw new IllegalArgumentException("featureCount must be at least 1, got " + featureCount);
            }
            Objects.requireNonNull(distance, "distance");
            Objects.requireNonNull(outputKind, "outputKind");
            Objects.requireNonNull(scorer, "scorer");
        }

        /** An input whose samples are drawn with the settings' sampling design. */
        public InterpretableInput(int featureCount, SampleDistance distance, OutputKind outputKind,
                                  SampleScorer scorer) {
            this(featureCount, distance, outputKind, scorer, null);
        }
    }

    /**
     * The loop's settings, composed of its three concerns.
     *
     * @param sampling  how the samples are drawn
     * @param surrogate the K-Lasso fit
     * @param trust     the trust measures taken
     */
    public record Settings(SamplingOptions sampling, KLassoOptions surrogate, TrustOptions trust) {

        /** Checks that no part is null. */
        public Settings {
            Objects.requireNonNull(sampling, "sampling");
            Objects.requireNonNull(surrogate, "surrogate");
            Objects.requireNonNull(trust, "trust");
        }
    }

    /**
     * What the loop found.
     *
     * @param labels     the explained labels, in order
     * @param original   the model's outputs for the original input (row 0)
     * @param fits       the surrogate of each label
     * @param trust      the trust measures of each label
     * @param sampling   how adaptive sampling went, or null when it was off
     * @param used       the samples scored and fitted
     * @param fitMillis  time in the K-Lasso fits, adaptive checks included
     * @param trustMillis time in the trust measures, their model calls included
     */
    public record Result(int[] labels, double[] original, List<LocalExplanation> fits, List<TrustReport> trust,
                         SamplingReport sampling, int used, double fitMillis, double trustMillis) {

        /** Copies the lists. */
        public Result {
            labels = labels.clone();
            original = original.clone();
            fits = List.copyOf(fits);
            trust = List.copyOf(trust);
        }
    }

    private final Settings settings;
    private final KLasso klasso;

    /** @param settings the loop's settings */
    public ExplanationLoop(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.klasso = new KLasso(settings.surrogate());
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /**
     * Runs the loop.
     *
     * @param input  the modality's features and scorer
     * @param labels the labels (output columns) to explain
     * @return the explanation's parts
     */
    public Result run(InterpretableInput input, LabelChoice labels) {
        if (settings.trust().counterfactual() && !input.outputKind().isClassification()) {
            throw new IllegalArgumentException("a counterfactual flips a predicted class; a " + input.outputKind().label()
                    + " output has none (explain without the counterfactual)");
        }
        SamplingOptions sampling = settings.sampling();
        SampleDrawer drawer = drawer(input);
        int features = input.featureCount();
        int budget = sampling.samples();
        SampleMatrix samples = drawer.draw(budget, features, sampling.seed());
        AdaptiveSampling adaptive = sampling.adaptive();
        double[][] predictions = new double[budget][];
        long fitNanos = 0;

        int n = adaptive == null ? budget : Math.min(adaptive.roundSize(), budget);
        input.scorer().score(samples, 0, n, predictions, "score", 0, budget);
        int[] explained = labels.resolve(predictions[0]);
        SamplingReport report = null;
        if (adaptive != null) {
            List<Integer> rounds = new ArrayList<>();
            List<Double> agreements = new ArrayList<>();
            TopKForecast last = null;
            boolean converged = false;
            while (true) {
                if (n >= Math.min(2 * adaptive.roundSize(), budget)) {
                    long a0 = System.nanoTime();
                    last = forecast(samples, predictions, n, explained, adaptive, input.distance(), drawer.pairs());
                    fitNanos += System.nanoTime() - a0;
                    rounds.add(n);
                    agreements.add(last.agreement());
                    if (last.agreement() >= adaptive.threshold()) {
                        converged = true;
                        break;
                    }
                }
                if (n == budget) {
                    break;
                }
                int next = Math.min(n + adaptive.roundSize(), budget);
                input.scorer().score(samples, n, next - n, predictions, "score", n, budget);
                n = next;
            }
            report = new SamplingReport(budget, n, rounds, agreements, converged, last);
        }

        long f0 = System.nanoTime();
        List<LocalExplanation> fits = fit(samples, predictions, n, explained, input.distance());
        fitNanos += System.nanoTime() - f0;

        long t0 = System.nanoTime();
        List<TrustReport> trust = trust(input, drawer, fits, explained, n, features, predictions[0]);
        long trustNanos = System.nanoTime() - t0;
        return new Result(explained, predictions[0], fits, trust, report, n, fitNanos / 1e6, trustNanos / 1e6);
    }

    /** The input's own drawer, else the settings' sampling design. */
    private SampleDrawer drawer(InterpretableInput input) {
        return input.drawer() != null ? input.drawer() : SampleDrawer.of(settings.sampling().design());
    }

    /** K-Lasso on the first {@code n} samples. */
    private List<LocalExplanation> fit(SampleMatrix samples, double[][] predictions, int n, int[] labels,
                                       SampleDistance distance) {
        return klasso.explain(neighbourhood(samples, predictions, n, distance), labels);
    }

    private static Neighbourhood neighbourhood(SampleMatrix samples, double[][] predictions, int n,
                                               SampleDistance distance) {
        INDArray z = samples.rows(0, n, DataType.DOUBLE);
        double[][] scored = Arrays.copyOf(predictions, n);
        return Neighbourhood.of(z, Nd4j.createFromArray(scored), Nd4j.createFromArray(distance.toOriginal(z)));
    }

    /**
     * The stopping rule of adaptive sampling: what fresh draws of {@code n} samples would make of the
     * top k, predicted from the sampling noise of the fit on the first {@code n} (no model call; see
     * {@link SamplingNoise}), for the label whose top k would agree least.
     */
    private TopKForecast forecast(SampleMatrix samples, double[][] predictions, int n, int[] labels,
                                  AdaptiveSampling adaptive, SampleDistance distance, boolean pairs) {
        Neighbourhood neighbourhood = neighbourhood(samples, predictions, n, distance);
        List<LocalExplanation> fits = klasso.explain(neighbourhood, labels);
        long seed = settings.sampling().seed();
        TopKForecast lowest = null;
        for (int i = 0; i < labels.length; i++) {
            int[] features = fits.get(i).weights().stream().mapToInt(FeatureWeight::feature).toArray();
            if (features.length == 0) {
                continue;
            }
            TopKForecast forecast = SamplingNoise.of(neighbourhood, klasso.options().kernel(), labels[i], features,
                    klasso.options().ridgeAlpha(), pairs).forecastTopK(adaptive.topK(), adaptive.draws(),
                    seed ^ (31L * n + labels[i]));
            if (lowest == null || forecast.agreement() < lowest.agreement()) {
                lowest = forecast;
            }
        }
        return lowest != null ? lowest : new TopKForecast(adaptive.topK(), 1, Map.of());
    }

    /** The trust measures asked for, per label (all model calls through the same input). */
    private List<TrustReport> trust(InterpretableInput input, SampleDrawer drawer, List<LocalExplanation> fits,
                                    int[] labels, int n, int features, double[] original) {
        TrustOptions options = settings.trust();
        SamplingOptions sampling = settings.sampling();
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
                others.add(drawer.draw(n, features, sampling.seed() + r));
            }
            SampleMatrix all = SampleMatrix.concat(others);
            double[][] scored = new double[all.samples()][];
            input.scorer().score(all, 0, all.samples(), scored, "stability", 0, all.samples());
            for (int r = 0; r < extra; r++) {
                double[][] part = Arrays.copyOfRange(scored, r * n, (r + 1) * n);
                List<LocalExplanation> refits = fit(others.get(r), part, n, labels, input.distance());
                for (int i = 0; i < labels.length; i++) {
                    runs.get(i).add(refits.get(i));
                }
            }
        }
        MaskScorer masks = masks(input);
        int predicted = topLabels(original, 1)[0];
        List<TrustReport> reports = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            Stability stability = extra > 0 ? Stability.of(runs.get(i), options.stabilityTopK()) : null;
            FidelityCurves curves = options.fidelityCurves()
                    ? FidelityCurves.measure(fits.get(i), features, masks,
                            Math.min(FidelityCurves.DEFAULT_POINTS, features + 1), FidelityCurves.DEFAULT_RANDOM_ORDERS,
                            sampling.seed())
                    : null;
            Counterfactuals.Counterfactual counterfactual = options.counterfactual() && labels[i] == predicted
                    ? Counterfactuals.search(fits.get(i), features, masks).orElse(null)
                    : null;
            reports.add(new TrustReport(stability, curves, counterfactual));
        }
        return reports;
    }

    /** Feature masks scored through the input, as one sample matrix per call. */
    private static MaskScorer masks(InterpretableInput input) {
        return masks -> {
            SampleMatrix rows = SampleMatrix.ofFlags(masks);
            double[][] scores = new double[rows.samples()][];
            input.scorer().score(rows, 0, rows.samples(), scores, "trust", 0, rows.samples());
            return scores;
        };
    }

    /** @return the {@code k} labels of highest probability, most probable first (ties to the lower index) */
    public static int[] topLabels(double[] probabilities, int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(Math.min(k, probabilities.length))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
