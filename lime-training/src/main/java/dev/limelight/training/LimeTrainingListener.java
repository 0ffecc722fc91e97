package dev.limelight.training;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.ImageClassifier;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.ImageResizer;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.Segmenter;
import dev.limelight.image.SegmenterKind;
import dev.limelight.image.render.ExplanationImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DL4J {@code TrainingListener} that explains a fixed set of probe images every N epochs (or
 * iterations) and records, per probe, the prediction, the top segments, optionally the stability,
 * and the share of the explanation's positive weight that falls in the region the user marked as
 * "should not matter". A rising share means the model is learning a shortcut.
 *
 * <p>Each probe is segmented once (a grid by default, so segments are comparable over time) and
 * the same segmentation is reused at every checkpoint. A time budget per checkpoint bounds how long
 * the listener may hold the training loop: probes left over when it runs out are explained at the
 * next checkpoint. A {@link ReliancePolicy} can warn, stop training, or switch it to a fix's images
 * ({@link dev.limelight.training.fix.FixOnReliance}) above a threshold.
 *
 * <pre>{@code
 * LimeTrainingListener watch = LimeTrainingListener.builder(net -> ImageModels.wrap(net, modelOptions))
 *         .probes(probes).everyEpochs(1).policy(ReliancePolicy.warnAbove(0.5)).build();
 * network.setListeners(watch);
 * network.fit(trainData, 5);
 * watch.writeReport(Path.of("out/training"));
 * }</pre>
 */
public final class LimeTrainingListener extends BaseTrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LimeTrainingListener.class);

    /** How probes are explained unless {@link Builder#explainer} says otherwise: 150 samples. */
    public static final ImageExplainerOptions DEFAULT_EXPLAINER = ImageExplainerOptions.builder().samples(150).build();

    private final Function<Model, ImageClassifier> classifiers;
    private final List<Probe> probes;
    private final int everyEpochs;
    private final int everyIterations;
    private final ImageExplainerOptions explainer;
    private final int gridCells;
    private final int keptOverlays;
    private final ReliancePolicy policy;
    private final long budgetMillis;
    private final DataSetIterator evaluation;

    private final List<RelianceRecord> records = new ArrayList<>();
    private final Map<String, List<BufferedImage>> overlays = new HashMap<>();
    private final Map<String, Segmentation> segmentations = new HashMap<>();
    private final Map<String, boolean[]> masks = new HashMap<>();
    private int epochs;
    private long iterations;
    private int nextProbe;
    private long listenerNanos;
    private final long createdAt = System.nanoTime();
    private volatile boolean stop;
    private volatile boolean fix;

    private LimeTrainingListener(Builder b) {
        this.classifiers = b.classifiers;
        this.probes = List.copyOf(b.probes);
        this.everyEpochs = b.everyEpochs;
        this.everyIterations = b.everyIterations;
        this.explainer = b.explainer;
        this.gridCells = b.gridCells;
        this.keptOverlays = b.keptOverlays;
        this.policy = b.policy;
        this.budgetMillis = b.budgetMillis;
        this.evaluation = b.evaluation;
    }

    /**
     * @param classifiers makes the classifier the explainer calls from the network being trained
     *                    (e.g. {@code net -> ImageModels.wrap(net, options)})
     */
    public static Builder builder(Function<Model, ImageClassifier> classifiers) {
        return new Builder(classifiers);
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        iterations++;
        if (everyIterations > 0 && iterations % everyIterations == 0) {
            checkpoint(model);
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        epochs++;
        if (everyEpochs > 0 && epochs % everyEpochs == 0) {
            checkpoint(model);
        }
    }

    /** Explains the probes now (also called by the listener at its checkpoints). */
    public void checkpoint(Model model) {
        long start = System.nanoTime();
        ImageClassifier classifier = classifiers.apply(model);
        double accuracy = Double.NaN;
        if (evaluation != null) {
            evaluation.reset();
            accuracy = model instanceof MultiLayerNetwork mln ? mln.evaluate(evaluation).accuracy()
                    : ((ComputationGraph) model).evaluate(evaluation).accuracy();
        }
        int done = 0;
        while (done < probes.size()) {
            Probe probe = probes.get(nextProbe);
            nextProbe = (nextProbe + 1) % probes.size();
            done++;
            RelianceRecord record = explain(probe, classifier, accuracy);
            records.add(record);
            if (record.ignoredShare() > policy.threshold()) {
                RelianceExceededException exceeded = new RelianceExceededException(record, policy.threshold());
                LOG.warn(exceeded.getMessage());
                if (policy.action() == ReliancePolicy.Action.FIX) {
                    fix = true;
                }
                if (policy.stop()) {
                    stop = true;
                    listenerNanos += System.nanoTime() - start;
                    throw exceeded;
                }
            }
            if ((System.nanoTime() - start) / 1_000_000 >= budgetMillis) {
                break;
            }
        }
        listenerNanos += System.nanoTime() - start;
    }

    private RelianceRecord explain(Probe probe, ImageClassifier classifier, double accuracy) {
        long t0 = System.nanoTime();
        int w = classifier.input().width();
        int h = classifier.input().height();
        Segmentation segmentation = segmentations.computeIfAbsent(probe.name(), name -> SegmenterKind.GRID
                .create(gridCells).segment(ImageResizer.resize(probe.image(), w, h).withChannels(
                        classifier.input().channels())));
        boolean[] mask = masks.computeIfAbsent(probe.name(), name -> probe.maskAt(w, h));
        ImageExplanation e = new ImageExplainer(explainer.toBuilder().segmenter(Segmenter.fixed(segmentation))
                .labels(probe.label()).build()).explain(probe.image(), classifier);
        INDArray original = PhotoBatch.of(List.of(probe.image()), classifier.input());
        double[] p = classifier.predict(original).toDoubleVector();
        int predicted = 0;
        for (int i = 1; i < p.length; i++) {
            predicted = p[i] > p[predicted] ? i : predicted;
        }
        List<FeatureWeight> weights = e.top().surrogate().weights();
        double share = e.positiveShareIn(mask, w, h);
        List<Integer> top = weights.subList(0, Math.min(3, weights.size())).stream().map(FeatureWeight::feature).toList();
        double stability = e.top().trust().stabilityIfMeasured().map(s -> s.topKJaccard()).orElse(Double.NaN);
        List<BufferedImage> kept = overlays.computeIfAbsent(probe.name(), n -> new ArrayList<>());
        kept.add(ExplanationImages.overlay(e, probe.label(), 3));
        if (kept.size() > keptOverlays) {
            kept.remove(0);
        }
        return new RelianceRecord(epochs, iterations, probe.name(), predicted, e.top().probability(), share, top,
                stability, accuracy, (System.nanoTime() - t0) / 1e6);
    }

    /** @return every checkpoint record so far, in order */
    public List<RelianceRecord> records() {
        return Collections.unmodifiableList(records);
    }

    /** @return whether the policy asked training to stop */
    public boolean shouldStop() {
        return stop;
    }

    /**
     * @return whether a {@link ReliancePolicy#fixAbove fix policy} has seen the reliance exceed its
     *         threshold: the training loop should switch to the fix's images (it stays true)
     */
    public boolean fixRequested() {
        return fix;
    }

    /** @return milliseconds the listener spent explaining */
    public double listenerMillis() {
        return listenerNanos / 1e6;
    }

    /** @return the listener's time as a share of the wall time since it was created */
    public double listenerShare() {
        double total = System.nanoTime() - createdAt;
        return total <= 0 ? 0 : listenerNanos / total;
    }

    /**
     * @return each probe's overlays, one per checkpoint at which it was explained, the last
     *         {@link Builder#keptOverlays(int)} of them
     */
    public Map<String, List<BufferedImage>> overlays() {
        return Collections.unmodifiableMap(overlays);
    }

    /** @return the probes */
    public List<Probe> probes() {
        return probes;
    }

    /** Writes reliance.csv, reliance.json, reliance.png, accuracy.png (with evaluation data) and report.html. */
    public java.nio.file.Path writeReport(java.nio.file.Path dir) throws java.io.IOException {
        return TrainingReport.write(this, dir);
    }

    /** Builder of the listener. */
    public static final class Builder {
        private final Function<Model, ImageClassifier> classifiers;
        private final List<Probe> probes = new ArrayList<>();
        private int everyEpochs = 1;
        private int everyIterations;
        private ImageExplainerOptions explainer = DEFAULT_EXPLAINER;
        private int gridCells = 16;
        private int keptOverlays = 20;
        private ReliancePolicy policy = ReliancePolicy.NONE;
        private long budgetMillis = Long.MAX_VALUE;
        private DataSetIterator evaluation;

        private Builder(Function<Model, ImageClassifier> classifiers) {
            this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
        }

        /** @param probes the images to watch, at least one */
        public Builder probes(List<Probe> probes) {
            this.probes.addAll(probes);
            return this;
        }

        /** @param n explain every n epochs (default 1; 0: never at epoch ends) */
        public Builder everyEpochs(int n) {
            this.everyEpochs = atLeast("everyEpochs", n, 0);
            return this;
        }

        /** @param n explain every n iterations (default 0: off) */
        public Builder everyIterations(int n) {
            this.everyIterations = atLeast("everyIterations", n, 0);
            return this;
        }

        /**
         * @param options how each probe is explained: samples, hide mode, seed, stability, sampling
         *                design and the rest; the segmenter and the label are the listener's (a grid of
         *                {@link #gridCells} cells, the probe's label). Default: 150 samples, the
         *                other {@link ImageExplainerOptions} defaults
         */
        public Builder explainer(ImageExplainerOptions options) {
            this.explainer = Objects.requireNonNull(options, "options");
            return this;
        }

        /** @param cells grid cells per probe (default 16) */
        public Builder gridCells(int cells) {
            this.gridCells = atLeast("gridCells", cells, 2);
            return this;
        }

        /** @param n overlays kept per probe for the report, the most recent (default 20) */
        public Builder keptOverlays(int n) {
            this.keptOverlays = atLeast("keptOverlays", n, 1);
            return this;
        }

        /** @param policy what to do above a reliance threshold (default nothing) */
        public Builder policy(ReliancePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @param millis how long a checkpoint may hold the training loop (default unlimited; at least one probe runs) */
        public Builder budgetMillis(long millis) {
            if (millis < 1) {
                throw new IllegalArgumentException("budgetMillis must be at least 1, got " + millis);
            }
            this.budgetMillis = millis;
            return this;
        }

        /** @param data evaluation data for the accuracy series (default none) */
        public Builder evaluation(DataSetIterator data) {
            this.evaluation = data;
            return this;
        }

        private static int atLeast(String name, int v, int min) {
            if (v < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
            }
            return v;
        }

        /** @return the listener */
        public LimeTrainingListener build() {
            if (probes.isEmpty()) {
                throw new IllegalArgumentException("at least one probe is needed");
            }
            if (everyEpochs == 0 && everyIterations == 0) {
                throw new IllegalArgumentException("everyEpochs and everyIterations are both 0: the listener would never run");
            }
            return new LimeTrainingListener(this);
        }
    }
}
