package dev.limelight.text;

import dev.limelight.core.BatchedScorer;
import dev.limelight.core.CosineDistance;
import dev.limelight.core.SampleDistance;
import dev.limelight.core.ExplanationLoop;
import dev.limelight.core.LabelChoice;
import dev.limelight.core.StageTimings;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.TextClassifier;
import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.trust.Counterfactuals;
import dev.limelight.text.perturb.PerturbedTextBuilder;
import dev.limelight.text.tokenize.IndexedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * LIME for text (Ribeiro, Singh and Guestrin, "Why Should I Trust You?", KDD 2016, sections 3 and
 * 6): which words made a text classifier predict a label.
 *
 * <p>The text is tokenised ({@link dev.limelight.text.tokenize.Tokenizer}); N samples remove
 * k ~ U{1..d} distinct words each (row 0 keeps them all; the
 * {@link dev.limelight.core.sampling.SamplingDesign#REMOVAL} design); the perturbed texts are built
 * and scored one batch at a time; a K-Lasso fit on the 0/1 sample matrix, weighted by an exponential
 * kernel (width 25) of the cosine distance x 100 to the original, gives each word's weight per
 * label. Results are the reference's in kind, with lime-core's exact K-Lasso. The loop is lime-core's
 * {@link ExplanationLoop}, shared with images, so every trust measure (stability, adaptive sampling
 * with any sampling design, deletion / insertion curves, the counterfactual) works on words.
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
        if (classes == 1 && options.labelChoice().equals(LabelChoice.exactly(1))) {
            throw new IllegalArgumentException("label 1 (the default) is out of range: the classifier has one output;"
                    + " ask for topLabels(1) or labels(0)");
        }
        options.labelChoice().requireWithin(classes);

        long t0 = System.nanoTime();
        IndexedText indexed = options.tokenizer().tokenize(text);
        if (indexed.featureCount() == 0) {
            throw new IllegalArgumentException("text has no word to explain (tokenised with "
                    + options.tokenizer() + "): \"" + abbreviate(text) + "\"");
        }
        long t1 = System.nanoTime();
        PerturbedTextBuilder builder = options.perturbation().prepare(indexed, options.seed());
        WordScorer words = new WordScorer(builder, classifier, options);
        long prepareNanos = System.nanoTime() - t1;

        ExplanationLoop.Result result = new ExplanationLoop(options.loop()).run(new ExplanationLoop.InterpretableInput(
                        indexed.featureCount(), SampleDistance.cosine(CosineDistance.TEXT_SCALE), classifier.outputKind(),
                        words), options.labelChoice());

        long f0 = System.nanoTime();
        List<String> names = classNames(classifier, classes);
        List<TextLabelExplanation> explained = new ArrayList<>(result.labels().length);
        for (int i = 0; i < result.labels().length; i++) {
            int label = result.labels()[i];
            explained.add(new TextLabelExplanation(label, names.get(label), result.original()[label],
                    result.fits().get(i), wordsOf(result.fits().get(i), indexed), result.trust().get(i)));
        }
        TextCounterfactual counterfactual = explained.stream()
                .flatMap(l -> l.trust().counterfactualIfFound().stream().map(c -> counterfactual(c, l, indexed.featureCount(), builder, names)))
                .findFirst().orElse(null);
        long f1 = System.nanoTime();
        StageTimings timings = StageTimings.builder()
                .stage("tokenize", (t1 - t0) / 1e6)
                .stage("perturb", (prepareNanos + words.buildNanos()) / 1e6)
                .stage("score", words.scoreNanos() / 1e6)
                .stage("fit", result.fitMillis() + (f1 - f0) / 1e6)
                .stage("trust", result.trustMillis())
                .build();
        return new TextExplanation(indexed, explained, names, result.original(), options.seed(), result.used(), options,
                timings, counterfactual, result.sampling(), classifier.outputKind());
    }

    private static List<WordWeight> wordsOf(LocalExplanation fit, IndexedText indexed) {
        List<WordWeight> words = new ArrayList<>(fit.weights().size());
        for (FeatureWeight w : fit.weights()) {
            words.add(new WordWeight(w.feature(), indexed.word(w.feature()), w.weight(),
                    indexed.stringPositions(w.feature())));
        }
        return words;
    }

    /** The counterfactual in words, with the text the classifier saw. */
    private static TextCounterfactual counterfactual(Counterfactuals.Counterfactual c, TextLabelExplanation fit,
                                                     int features, PerturbedTextBuilder builder, List<String> names) {
        Map<Integer, WordWeight> byFeature = new HashMap<>();
        fit.words().forEach(w -> byFeature.put(w.feature(), w));
        List<WordWeight> removed = c.removed().stream().map(byFeature::get).toList();
        boolean[] present = new boolean[features];
        Arrays.fill(present, true);
        c.removed().forEach(f -> present[f] = false);
        String text = builder.build(SampleMatrix.ofFlags(new boolean[][] {present}), 0);
        return new TextCounterfactual(removed, c.originalLabel(), names.get(c.originalLabel()), c.newLabel(),
                names.get(c.newLabel()), c.newProbability(), c.originalLabelProbability(), text);
    }

    /**
     * Rows of the sample matrix as perturbed texts (words are the features), built in parallel (each
     * row depends only on its flags, index and the seed; a row that keeps every word builds the
     * original text) and scored in batches.
     */
    private static final class WordScorer extends BatchedScorer<List<String>> {

        private final PerturbedTextBuilder builder;
        private final TextClassifier classifier;

        WordScorer(PerturbedTextBuilder builder, TextClassifier classifier, TextExplainerOptions options) {
            super(options.batchSize(), options.progress(), classifier.outputKind(), classifier.classCount(),
                    "the classifier " + classifier);
            this.builder = builder;
            this.classifier = classifier;
        }

        @Override
        protected List<String> build(SampleMatrix samples, int from, int count, String stage) {
            String[] texts = new String[count];
            IntStream range = IntStream.range(0, count);
            if (count >= 64) {
                range = range.parallel();
            }
            range.forEach(i -> texts[i] = builder.build(samples, from + i));
            return Arrays.asList(texts);
        }

        @Override
        protected org.nd4j.linalg.api.ndarray.INDArray predict(List<String> batch) {
            return classifier.predict(batch);
        }
    }

    private static List<String> classNames(TextClassifier classifier, int classes) {
        List<String> names = classifier.classNames();
        List<String> result = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            result.add(names != null && i < names.size() && names.get(i) != null ? names.get(i) : "class " + i);
        }
        return result;
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
