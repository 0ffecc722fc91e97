package dev.limelight.text;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.Neighbourhood;
import dev.limelight.core.Probabilities;
import dev.limelight.core.TextClassifier;
import dev.limelight.core.trust.Counterfactuals;
import dev.limelight.core.trust.MaskScorer;
import dev.limelight.text.perturb.PerturbedTextBuilder;
import dev.limelight.text.perturb.RemovalSamples;
import dev.limelight.text.tokenize.IndexedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LIME for text (Ribeiro, Singh and Guestrin, "Why Should I Trust You?", KDD 2016, sections 3 and
 * 6): which words made a text classifier predict a label.
 *
 * <p>The text is tokenised ({@link dev.limelight.text.tokenize.Tokenizer}); N samples remove
 * k ~ U{1..d} distinct words each (row 0 keeps them all; {@link RemovalSamples}); the perturbed
 * texts are built and scored one batch at a time; a K-Lasso fit on the 0/1 sample matrix, weighted
 * by an exponential kernel (width 25) of the cosine distance x 100 to the original, gives each
 * word's weight per label. Results are the reference's in kind, with lime-core's exact K-Lasso.
 *
 * <p>How it differs from the reference {@code LimeTextExplainer}:
 * <ul>
 *   <li>the classifier is called in batches of {@link TextExplainerOptions#batchSize()} texts
 *       (the reference sends all 5000 at once), and only one batch of perturbed texts exists at a
 *       time;</li>
 *   <li>each call is seeded ({@link TextExplainerOptions#seed()}): the same seed gives the same
 *       explanation, whatever the batch size;</li>
 *   <li>removed words can also be masked or replaced by a word-vector neighbour
 *       ({@link dev.limelight.text.perturb.Perturbation});</li>
 *   <li>the classifier's output is checked (finite, non-negative, rows summing to 1) and an empty,
 *       blank or wordless text is rejected with a message rather than failing inside numpy.</li>
 * </ul>
 * Instances are immutable and thread-safe if the classifier is.
 */
public final class TextExplainer {

    private final TextExplainerOptions options;

    /** @param options the explanation options */
    public TextExplainer(TextExplainerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return an explainer with the default options */
    public static TextExplainer withDefaults() {
        return new TextExplainer(TextExplainerOptions.defaults());
    }

    /** @return the options */
    public TextExplainerOptions options() {
        return options;
    }

    /**
     * Explains the classifier's prediction on a text.
     *
     * @param text       the document; not empty, not only whitespace, with at least one word
     * @param classifier the model
     * @return the explanation of the requested labels (label 1 by default)
     * @throws IllegalArgumentException if the text is null, empty, blank or has no word, or a
     *                                  requested label is out of the classifier's range
     * @throws IllegalStateException    if the classifier returns something other than probabilities
     */
    public TextExplanation explain(String text, TextClassifier classifier) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text is empty: there is nothing to explain");
        }
        if (text.strip().isEmpty()) {
            throw new IllegalArgumentException("text is only whitespace (" + text.length()
                    + " characters): there is nothing to explain");
        }
        Objects.requireNonNull(classifier, "classifier");
        int classes = classifier.classCount();
        if (classes < 1) {
            throw new IllegalArgumentException("the classifier reports " + classes + " classes");
        }
        int[] requested = options.labels();
        if (requested != null) {
            for (int label : requested) {
                if (label >= classes) {
                    throw new IllegalArgumentException("label " + label + " is out of range: the classifier has "
                            + classes + " classes (0.." + (classes - 1) + ")"
                            + (label == 1 && classes == 1 ? "; ask for topLabels(1) instead of the default label 1"
                            : ""));
                }
            }
        }

        long t0 = System.nanoTime();
        IndexedText indexed = options.tokenizer().tokenize(text);
        if (indexed.featureCount() == 0) {
            throw new IllegalArgumentException("text has no word to explain (tokenised with "
                    + options.tokenizer() + "): \"" + abbreviate(text) + "\"");
        }
        long t1 = System.nanoTime();

        int n = options.samples();
        RemovalSamples samples = RemovalSamples.draw(n, indexed.featureCount(), options.seed());
        PerturbedTextBuilder builder = options.perturbation().prepare(indexed, options.seed());
        long perturbNanos = System.nanoTime() - t1;
        long scoreNanos = 0;

        double[][] predictions = new double[n][];
        String source = "the classifier " + classifier;
        int batchSize = options.batchSize();
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            long b0 = System.nanoTime();
            List<String> batch = buildTexts(builder, samples, from, count, text);
            long b1 = System.nanoTime();
            double[][] rows = Probabilities.validRows(classifier.predict(batch), count, classes, source);
            System.arraycopy(rows, 0, predictions, from, count);
            long b2 = System.nanoTime();
            perturbNanos += b1 - b0;
            scoreNanos += b2 - b1;
            options.progress().progress("score", from + count, n);
        }

        long f0 = System.nanoTime();
        int[] labels = requested != null ? requested : topLabels(predictions[0], options.topLabels());
        INDArray z = samples.toMatrix();
        double[] distances = CosineDistance.toOriginal(z, CosineDistance.TEXT_SCALE);
        Neighbourhood neighbourhood = Neighbourhood.of(z, Nd4j.createFromArray(predictions),
                Nd4j.createFromArray(distances));
        KLasso klasso = new KLasso(KLassoOptions.builder()
                .kernelWidth(options.kernelWidth())
                .featureSelection(options.featureSelection())
                .numFeatures(options.numFeatures())
                .build());
        List<LocalExplanation> fits = klasso.explain(neighbourhood, labels);
        List<String> names = classNames(classifier, classes);
        List<TextLabelExplanation> explained = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            LocalExplanation fit = fits.get(i);
            List<WordWeight> words = new ArrayList<>(fit.weights().size());
            for (FeatureWeight w : fit.weights()) {
                words.add(new WordWeight(w.feature(), indexed.word(w.feature()), w.weight(),
                        indexed.stringPositions(w.feature())));
            }
            explained.add(new TextLabelExplanation(label, names.get(label), predictions[0][label], fit, words));
        }
        long f1 = System.nanoTime();

        TextCounterfactual counterfactual = null;
        if (options.counterfactual()) {
            long c0 = System.nanoTime();
            counterfactual = counterfactual(explained, indexed.featureCount(), predictions[0], builder, classifier, names,
                    source);
            scoreNanos += System.nanoTime() - c0;
        }
        TextStageTimings timings = new TextStageTimings((t1 - t0) / 1e6, perturbNanos / 1e6, scoreNanos / 1e6,
                (f1 - f0) / 1e6);
        return new TextExplanation(indexed, explained, names, predictions[0], options.seed(), n, options, timings,
                counterfactual);
    }

    /**
     * The counterfactual of the predicted label (null if that label was not explained or no prefix of
     * its positive words flips the prediction): every candidate text is scored in batches, with the
     * explanation's own perturbation.
     */
    private TextCounterfactual counterfactual(List<TextLabelExplanation> explained, int features, double[] original,
                                              PerturbedTextBuilder builder, TextClassifier classifier,
                                              List<String> names, String source) {
        int predicted = topLabels(original, 1)[0];
        TextLabelExplanation fit = explained.stream().filter(l -> l.label() == predicted).findFirst().orElse(null);
        if (fit == null) {
            return null;
        }
        MaskScorer scorer = masks -> {
            RemovalSamples rows = RemovalSamples.of(masks);
            double[][] scores = new double[masks.length][];
            for (int from = 0; from < masks.length; from += options.batchSize()) {
                int count = Math.min(options.batchSize(), masks.length - from);
                List<String> batch = new ArrayList<>(count);
                for (int i = from; i < from + count; i++) {
                    batch.add(builder.build(rows, i));
                }
                double[][] scored = Probabilities.validRows(classifier.predict(batch), count, original.length, source);
                System.arraycopy(scored, 0, scores, from, count);
            }
            return scores;
        };
        return Counterfactuals.search(fit.surrogate(), features, scorer).map(c -> {
            Map<Integer, WordWeight> byFeature = new HashMap<>();
            fit.words().forEach(w -> byFeature.put(w.feature(), w));
            List<WordWeight> removed = c.removed().stream().map(byFeature::get).toList();
            boolean[] present = new boolean[features];
            Arrays.fill(present, true);
            c.removed().forEach(f -> present[f] = false);
            String text = builder.build(RemovalSamples.of(new boolean[][] {present}), 0);
            return new TextCounterfactual(removed, c.originalLabel(), names.get(c.originalLabel()), c.newLabel(),
                    names.get(c.newLabel()), c.newProbability(), c.originalLabelProbability(), text);
        }).orElse(null);
    }

    /** Builds rows from..from+count-1 (in parallel: each row depends only on its flags, index and the seed). */
    private static List<String> buildTexts(PerturbedTextBuilder builder, RemovalSamples samples, int from, int count,
                                           String original) {
        String[] texts = new String[count];
        IntStream range = IntStream.range(0, count);
        if (count >= 64) {
            range = range.parallel();
        }
        range.forEach(i -> texts[i] = from + i == 0 ? original : builder.build(samples, from + i));
        return Arrays.asList(texts);
    }

    private static List<String> classNames(TextClassifier classifier, int classes) {
        List<String> names = classifier.classNames();
        List<String> result = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            result.add(names != null && i < names.size() && names.get(i) != null ? names.get(i) : "class " + i);
        }
        return result;
    }

    /** The {@code k} labels of highest probability, most probable first (ties to the lower index). */
    static int[] topLabels(double[] probabilities, int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(Math.min(k, probabilities.length))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return "TextExplainer[" + options + "]";
    }
}
