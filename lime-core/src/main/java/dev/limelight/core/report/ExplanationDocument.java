package dev.limelight.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.limelight.core.ExplainedLabel;
import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.ExplainerOptions;
import dev.limelight.core.ExponentialKernel;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.Counterfactuals;
import dev.limelight.core.trust.FidelityCurves;
import dev.limelight.core.trust.TrustReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;

/**
 * The one JSON format of an explanation, for every kind of input ({@code explanation.json}): the
 * same names for the same concepts, written by Jackson data binding from these records. What
 * differs between images and text is confined to {@code input}, {@code options} and the optional
 * {@code word} / {@code offsets} (text) or {@code column} / {@code condition} (tables) of a weight,
 * given by a {@link FeatureText}.
 *
 * @param format           what this document is: {@link Format#CURRENT}
 * @param input            what was explained, a record of the modality's: for an image its size and
 *                         segments, for a text the text and its features; its first field is {@code kind}
 * @param outputKind       what the model's outputs are ("softmax", "sigmoid", "multi-label", "regression")
 * @param explainedOutput  which output the surrogate fits: {@code space} ("probability", "calibrated", or
 *                         the output kind), {@code temperature} and its {@code source} when calibrated
 * @param classNames       the model's name per output column
 * @param outputs          the model's outputs for the original input
 * @param labels           one entry per explained label (output column)
 * @param adaptiveSampling how adaptive sampling went, or null when it was off
 * @param seed             the seed
 * @param samples          the samples scored and fitted
 * @param options          the explainer's options
 * @param timings          milliseconds per stage
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "input", "outputKind", "explainedOutput", "classNames", "outputs", "labels", "adaptiveSampling", "seed",
    "samples", "options", "timings"})
public record ExplanationDocument(Format format, Object input, String outputKind, ExplainedOutput explainedOutput,
                                  List<String> classNames,
                                  double[] outputs, List<Label> labels, AdaptiveSampling adaptiveSampling, long seed,
                                  int samples, Map<String, Object> options, Map<String, Double> timings) {

    /**
     * The document's identity.
     *
     * @param name    always "limelight-explanation"
     * @param version the format's version: 2 (1 was the separate image and text formats)
     * @param library the Limelight version that wrote it
     */
    public record Format(String name, int version, String library) {

        /** The format this library writes. */
        public static final Format CURRENT = new Format("limelight-explanation", 2, libraryVersion());

        private static String libraryVersion() {
            Properties properties = new Properties();
            try (InputStream in = Format.class.getResourceAsStream("/dev/limelight/core/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties.getProperty("version", "unknown");
        }
    }

    /**
     * One explained label.
     *
     * @param label            the output column
     * @param name             its name
     * @param probability      the model's output for it on the original (a probability, or the value
     *                         of a regression)
     * @param intercept        the surrogate's intercept
     * @param score            the surrogate's weighted R^2
     * @param localPrediction  the surrogate's prediction for the original
     * @param featureSelection how the features were selected
     * @param weights          the selected features, by decreasing |weight|
     * @param stability        agreement across seeds, when measured
     * @param fidelity         deletion / insertion curves, when measured
     * @param counterfactual   the counterfactual search's result, on the predicted label when asked
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Label(int label, String name, double probability, double intercept, double score,
                        double localPrediction, String featureSelection, List<Weight> weights, Stability stability,
                        Fidelity fidelity, Counterfactual counterfactual) {
    }

    /**
     * A feature's weight.
     *
     * @param feature the feature (segment or word index)
     * @param weight  its weight
     * @param word    for text, the word
     * @param offsets for text, where the word stands in the text (character offsets)
     * @param column    for tables, the feature column's name
     * @param condition for tables, the condition the row meets ("age &gt; 42.00")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"feature", "weight", "word", "offsets", "column", "condition"})
    public record Weight(int feature, double weight, String word, int[] offsets, String column, String condition) {
    }

    /**
     * What a feature is in words, for the weights of a modality whose features have names: nothing for
     * images (segments are numbers), the word and its offsets for text, the column and the condition
     * for tables.
     *
     * @param words      a feature's word, or null
     * @param offsets    a feature's character offsets in the text, or null
     * @param columns    a feature's column name, or null
     * @param conditions a feature's condition, or null
     */
    public record FeatureText(IntFunction<String> words, IntFunction<int[]> offsets, IntFunction<String> columns,
                              IntFunction<String> conditions) {

        /** Image segments: numbers only. */
        public static final FeatureText NONE = new FeatureText(null, null, null, null);

        /** @return text features: words at offsets */
        public static FeatureText words(IntFunction<String> words, IntFunction<int[]> offsets) {
            return new FeatureText(words, offsets, null, null);
        }

        /** @return table features: columns and the conditions the row meets */
        public static FeatureText conditions(IntFunction<String> columns, IntFunction<String> conditions) {
            return new FeatureText(null, null, columns, conditions);
        }

        /** @return the weight entry of a feature */
        Weight weight(int feature, double weight, boolean withOffsets) {
            return new Weight(feature, weight, apply(words, feature), withOffsets ? apply(offsets, feature) : null,
                    apply(columns, feature), apply(conditions, feature));
        }

        /** @return the feature's name for the adaptive-sampling entries: its word or its condition */
        String name(int feature) {
            return words != null ? words.apply(feature) : apply(conditions, feature);
        }

        private static <T> T apply(IntFunction<T> f, int feature) {
            return f == null ? null : f.apply(feature);
        }
    }

    /**
     * Agreement across seeds.
     *
     * @param runs        the seeds
     * @param topK        the size of the compared top sets
     * @param topKJaccard the mean pairwise Jaccard index of the top sets
     * @param weights     per feature: mean, std and share of runs that put it in the top k
     */
    public record Stability(int runs, int topK, double topKJaccard, List<Spread> weights) {
    }

    /**
     * A feature's weight across seeds.
     *
     * @param feature   the feature
     * @param mean      mean weight
     * @param std       standard deviation
     * @param topKShare share of the runs that put it in the top k
     */
    public record Spread(int feature, double mean, double std, double topKShare) {
    }

    /**
     * Deletion and insertion curves against random orders.
     *
     * @param deletionArea        area under the deletion curve
     * @param randomDeletionArea  mean over random orders
     * @param insertionArea       area under the insertion curve
     * @param randomInsertionArea mean over random orders
     * @param flagged             whether deletion is no better than random
     * @param fractions           share of features removed / added at each point
     * @param deletion            the deletion curve
     * @param insertion           the insertion curve
     */
    public record Fidelity(double deletionArea, double randomDeletionArea, double insertionArea,
                           double randomInsertionArea, boolean flagged, double[] fractions, double[] deletion,
                           double[] insertion) {
    }

    /**
     * The fewest top features whose removal flips the predicted label.
     *
     * @param found                    whether such a set exists among the positive top features
     * @param removed                  the features removed (with their weights)
     * @param newLabel                 the label predicted without them
     * @param newName                  its name
     * @param newProbability           its probability
     * @param originalLabelProbability what the original label keeps
     * @param text                     for text, the text the model saw
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counterfactual(boolean found, List<Weight> removed, Integer newLabel, String newName,
                                 Double newProbability, Double originalLabelProbability, String text) {

        /** The search ran and found nothing. */
        public static final Counterfactual NOT_FOUND = new Counterfactual(false, null, null, null, null, null, null);
    }

    /**
     * How adaptive sampling went.
     *
     * @param budget    the most samples allowed
     * @param used      the samples scored
     * @param converged whether the threshold was reached
     * @param rounds    the checks: samples and predicted agreement
     * @param contested the features whose place in the top k is luck at the last check
     */
    public record AdaptiveSampling(int budget, int used, boolean converged, List<Round> rounds,
                                   List<Contested> contested) {
    }

    /**
     * One check of adaptive sampling.
     *
     * @param samples   samples so far
     * @param agreement predicted top-k agreement of fresh runs
     */
    public record Round(int samples, double agreement) {
    }

    /**
     * A contested feature.
     *
     * @param feature   the feature
     * @param topKShare share of simulated fresh runs that put it in the top k
     * @param word      for text, the word; for tables, the condition
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contested(int feature, double topKShare, String word) {
    }

    /**
     * The labels' entries, with the counterfactual on the predicted label when it was asked for.
     *
     * @param labels             the explained labels
     * @param counterfactualAsked whether the counterfactual was searched for
     * @param predicted          the predicted label (the column of the highest output), -1 if unknown
     * @param names              the class names
     * @param features           what the features are in words
     * @param counterfactualText for text, the text the model saw without the counterfactual's words
     * @return one entry per label, in order
     */
    public static List<Label> labels(List<? extends ExplainedLabel> labels, boolean counterfactualAsked, int predicted,
                                     List<String> names, FeatureText features, String counterfactualText) {
        List<Label> entries = new ArrayList<>(labels.size());
        for (ExplainedLabel l : labels) {
            Counterfactual counterfactual = counterfactualAsked && l.label() == predicted
                    ? counterfactual(l.trust().counterfactual(), l.surrogate(), names, features, counterfactualText)
                    : null;
            entries.add(label(l.label(), l.name(), l.probability(), l.surrogate(), l.trust(), counterfactual, features));
        }
        return entries;
    }

    /**
     * A label's entry from its surrogate and trust measures.
     *
     * @param counterfactual the label's counterfactual entry, or null when not searched for this label
     * @param features       what the features are in words
     */
    public static Label label(int label, String name, double probability, LocalExplanation surrogate, TrustReport trust,
                              Counterfactual counterfactual, FeatureText features) {
        List<Weight> weights = new ArrayList<>();
        for (FeatureWeight w : surrogate.weights()) {
            weights.add(features.weight(w.feature(), w.weight(), true));
        }
        return new Label(label, name, probability, surrogate.intercept(), surrogate.score(),
                surrogate.localPrediction(), surrogate.featureSelection().name().toLowerCase(Locale.ROOT), weights,
                trust.stabilityIfMeasured().map(ExplanationDocument::stability).orElse(null),
                trust.fidelityIfMeasured().map(ExplanationDocument::fidelity).orElse(null), counterfactual);
    }

    /**
     * @param found    the counterfactual, or null when the search found none
     * @param surrogate the label's surrogate, for the removed features' weights
     * @param names    the class names
     * @param features what the features are in words
     * @param text     for text, the text the model saw; null otherwise
     * @return the entry
     */
    public static Counterfactual counterfactual(Counterfactuals.Counterfactual found, LocalExplanation surrogate,
                                                List<String> names, FeatureText features, String text) {
        if (found == null) {
            return Counterfactual.NOT_FOUND;
        }
        Map<Integer, Double> byFeature = surrogate.weightsByFeature();
        List<Weight> removed = found.removed().stream()
                .map(f -> features.weight(f, byFeature.getOrDefault(f, 0.0), false)).toList();
        return new Counterfactual(true, removed, found.newLabel(), names.get(found.newLabel()), found.newProbability(),
                found.originalLabelProbability(), text);
    }

    /** @return the stability entry */
    public static Stability stability(dev.limelight.core.trust.Stability st) {
        return new Stability(st.runs(), st.k(), st.topKJaccard(), st.features().stream()
                .map(f -> new Spread(f.feature(), f.mean(), f.std(), f.topKShare())).toList());
    }

    /** @return the fidelity entry */
    public static Fidelity fidelity(FidelityCurves f) {
        return new Fidelity(f.deletionArea(), f.randomDeletionArea(), f.insertionArea(), f.randomInsertionArea(),
                f.suspicious(), f.fractions(), f.deletion(), f.insertion());
    }

    /**
     * @param features what the features are in words
     * @return the adaptive sampling entry, or null for null
     */
    public static AdaptiveSampling adaptiveSampling(SamplingReport report, FeatureText features) {
        if (report == null) {
            return null;
        }
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < report.rounds().size(); i++) {
            rounds.add(new Round(report.rounds().get(i), report.agreements().get(i)));
        }
        List<Contested> contested = report.lastForecast().map(f -> f.contested().stream()
                .map(s -> new Contested(s, f.topKShares().get(s), features.name(s))).toList())
                .orElse(null);
        return new AdaptiveSampling(report.budget(), report.used(), report.converged(), rounds, contested);
    }

    /**
     * The {@code options} block: the modality's own options first, then the ones every explainer has.
     *
     * @param own         the modality's options, in order (segmenter and hide mode; tokenizer and perturbation)
     * @param explainer   the options every explainer has: sampling design, surrogate, batch size
     * @return the block
     */
    public static Map<String, Object> options(List<Map.Entry<String, Object>> own, ExplainerOptions explainer) {
        KLassoOptions surrogate = explainer.surrogate();
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        own.forEach(entry -> options.put(entry.getKey(), entry.getValue()));
        options.put("design", explainer.sampling().design().name().toLowerCase(Locale.ROOT));
        if (surrogate.kernel() instanceof ExponentialKernel exponential) {
            options.put("kernelWidth", exponential.width());
        }
        options.put("featureSelection", surrogate.featureSelection().name().toLowerCase(Locale.ROOT));
        options.put("numFeatures", surrogate.numFeatures());
        options.put("batchSize", explainer.batchSize());
        return options;
    }

    /** @return milliseconds per stage, rounded to 0.1 */
    public static Map<String, Double> timings(Map<String, Double> millis) {
        Map<String, Double> rounded = new java.util.LinkedHashMap<>();
        millis.forEach((stage, ms) -> rounded.put(stage, Math.round(ms * 10) / 10.0));
        return rounded;
    }
}
