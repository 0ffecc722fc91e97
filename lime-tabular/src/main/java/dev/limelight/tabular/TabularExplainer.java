package dev.limelight.tabular;

import dev.limelight.core.BatchedScorer;
import dev.limelight.core.ExplanationLoop;
import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import dev.limelight.core.ProgressListener;
import dev.limelight.core.SampleDistance;
import dev.limelight.core.StageTimings;
import dev.limelight.core.sampling.SampleDrawer;
import dev.limelight.core.sampling.SampleMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * LIME for tables (the reference {@code lime} package's {@code LimeTabularExplainer} with
 * {@code discretize_continuous=True}): which conditions of a row ("age > 42.00", "island = Dream")
 * made a classifier predict a label.
 *
 * <p>Each feature column is one interpretable feature: whether a perturbed row keeps the explained
 * row's bin (a numeric column, binned by a {@link Discretizer} learnt from training data) or category.
 * A perturbed row keeps it with the training share of that bin or category, and otherwise takes
 * another one drawn with the training frequencies ({@link ColumnDistribution}); numeric values are
 * drawn within their bin. The samples are weighted by an exponential kernel (width 0.75 sqrt(columns))
 * of their Euclidean distance to the original on the 0/1 representation, and lime-core's
 * {@link ExplanationLoop} fits K-Lasso and takes the trust measures (stability, adaptive sampling,
 * deletion / insertion curves, the counterfactual), as for images and text.
 *
 * <p>How it differs from the reference: a perturbed row that keeps every column is the explained row
 * itself (the reference draws fresh values within the bins for every row but the first); a bin whose
 * training values are all equal gives that value (the reference gives its standardised value, a
 * known slip); the classifier is called in batches; each call is seeded. Instances are immutable and
 * thread-safe if the classifier is.
 */
public final class TabularExplainer {

    private final TabularExplainerOptions options;

    /** @param options the explanation options */
    public TabularExplainer(TabularExplainerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return an explainer with the default options */
    public static TabularExplainer withDefaults() {
        return new TabularExplainer(TabularExplainerOptions.defaults());
    }

    /** @return the options */
    public TabularExplainerOptions options() {
        return options;
    }

    /**
     * Explains the classifier's prediction on a row.
     *
     * @param row        the row, encoded by the training distribution's schema
     * @param classifier the model
     * @param training   what was learnt from the training data
     * @return the explanation of the requested labels (the predicted label by default)
     * @throws IllegalArgumentException if the row does not fit the schema, or a requested label is out
     *                                  of the classifier's range
     */
    public TabularExplanation explain(double[] row, TabularClassifier classifier, TrainingDistribution training) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(training, "training");
        TableSchema schema = training.schema();
        int columns = training.columnCount();
        if (row.length != columns) {
            throw new IllegalArgumentException("the row has " + row.length + " values; the schema has " + columns
                    + " feature columns");
        }
        schema.oneHot(new double[][] {row});
        int classes = classifier.classCount();
        options.labelChoice().requireWithin(classes);

        long t0 = System.nanoTime();
        double[] keep = new double[columns];
        List<String> conditions = new ArrayList<>(columns);
        List<String> values = new ArrayList<>(columns);
        for (int j = 0; j < columns; j++) {
            keep[j] = training.column(j).keepProbability(row[j]);
            conditions.add(training.column(j).condition(row[j]));
            values.add(schema.column(j).display(row[j]));
        }
        // the options as used: the kernel width for this many columns set, so the loop and the JSON see it
        TabularExplainerOptions used = options.toBuilder().kernelWidth(options.kernelWidth(columns)).build();
        long seed = used.seed();
        SampleDrawer drawer = (samples, features, drawSeed) -> SampleMatrix.drawKeeping(samples, keep, drawSeed);
        RowScorer scorer = new RowScorer(row, training, classifier, used.batchSize(), used.progress(), seed);
        long t1 = System.nanoTime();

        ExplanationLoop.Result result = new ExplanationLoop(used.loop()).run(new ExplanationLoop.InterpretableInput(
                columns, SampleDistance.euclidean(), classifier.outputKind(), scorer, drawer), used.labelChoice());

        long f0 = System.nanoTime();
        List<String> names = classNames(classifier, classes);
        List<TabularLabelExplanation> explained = new ArrayList<>(result.labels().length);
        for (int i = 0; i < result.labels().length; i++) {
            int label = result.labels()[i];
            LocalExplanation fit = result.fits().get(i);
            List<ConditionWeight> weights = new ArrayList<>(fit.weights().size());
            for (FeatureWeight w : fit.weights()) {
                int j = w.feature();
                weights.add(new ConditionWeight(j, schema.column(j).name(), conditions.get(j), values.get(j),
                        w.weight()));
            }
            explained.add(new TabularLabelExplanation(label, names.get(label), result.original()[label], fit, weights,
                    result.trust().get(i)));
        }
        long f1 = System.nanoTime();
        StageTimings timings = StageTimings.builder()
                .stage("prepare", (t1 - t0) / 1e6)
                .stage("perturb", scorer.buildNanos() / 1e6)
                .stage("score", scorer.scoreNanos() / 1e6)
                .stage("fit", result.fitMillis() + (f1 - f0) / 1e6)
                .stage("trust", result.trustMillis())
                .build();
        return new TabularExplanation(row, values, conditions, explained, names, result.original(), training, seed,
                result.used(), used, timings, result.sampling(), classifier.outputKind());
    }

    /**
     * Rows of the sample matrix as table rows, scored in batches. A row's random values depend only
     * on the seed, the stage and the row's index, so the same seed gives the same rows whatever the
     * batch size; a row that keeps every column is the explained row.
     */
    private static final class RowScorer extends BatchedScorer<double[][]> {

        private final double[] original;
        private final TrainingDistribution training;
        private final TabularClassifier classifier;
        private final long seed;

        RowScorer(double[] original, TrainingDistribution training, TabularClassifier classifier, int batchSize,
                  ProgressListener progress, long seed) {
            super(batchSize, progress, classifier.outputKind(), classifier.classCount(), "the classifier " + classifier);
            this.original = original.clone();
            this.training = training;
            this.classifier = classifier;
            this.seed = seed;
        }

        @Override
        protected double[][] build(SampleMatrix samples, int from, int count, String stage) {
            double[][] batch = new double[count][];
            for (int i = 0; i < count; i++) {
                batch[i] = row(samples, from + i, stage);
            }
            return batch;
        }

        @Override
        protected org.nd4j.linalg.api.ndarray.INDArray predict(double[][] batch) {
            return classifier.predict(batch);
        }

        /** Sample {@code i} as a table row. */
        private double[] row(SampleMatrix samples, int i, String stage) {
            if (samples.keptCount(i) == original.length) {
                return original.clone();
            }
            SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1))
                    ^ ((long) stage.hashCode() << 32));
            double[] row = new double[original.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = training.column(j).draw(original[j], samples.keeps(i, j), random);
            }
            return row;
        }
    }

    private static List<String> classNames(TabularClassifier classifier, int classes) {
        List<String> names = classifier.classNames();
        List<String> result = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            result.add(names != null && i < names.size() && names.get(i) != null ? names.get(i) : "class " + i);
        }
        return result;
    }

    @Override
    public String toString() {
        return "TabularExplainer[" + options + "]";
    }
}
