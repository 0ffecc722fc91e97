package dev.limelight.text;

import dev.limelight.core.ExponentialKernel;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.ProgressListener;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingOptions;
import dev.limelight.core.trust.TrustOptions;
import dev.limelight.text.perturb.Perturbation;
import dev.limelight.text.tokenize.Tokenizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Options of {@link TextExplainer}, built with {@link #builder()}. Defaults follow the reference's
 * {@code LimeTextExplainer} and its {@code explain_instance}:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>reference</th></tr>
 *   <tr><td>samples</td><td>5000</td><td>num_samples=5000</td></tr>
 *   <tr><td>batchSize</td><td>256</td><td>none: all 5000 texts in one call</td></tr>
 *   <tr><td>tokenizer</td><td>{@link Tokenizer#defaults()}: bag of words, split on {@code \W+}</td>
 *       <td>bow=True, split_expression=r'\W+', char_level=False</td></tr>
 *   <tr><td>perturbation</td><td>{@link Perturbation#remove()}</td><td>inverse_removing</td></tr>
 *   <tr><td>kernelWidth</td><td>25 (on cosine distances x 100)</td><td>kernel_width=25</td></tr>
 *   <tr><td>featureSelection</td><td>AUTO (forward selection up to 6 features, highest weights
 *       above)</td><td>feature_selection='auto'</td></tr>
 *   <tr><td>numFeatures</td><td>10</td><td>num_features=10</td></tr>
 *   <tr><td>labels</td><td>label 1 (or the top labels, see {@link Builder#topLabels})</td>
 *       <td>labels=(1,), top_labels=None</td></tr>
 *   <tr><td>seed</td><td>0</td><td>random_state=None (unrepeatable)</td></tr>
 *   <tr><td>samplingDesign</td><td>REMOVAL (the reference's: each sample removes k ~ U{1..d} words)</td>
 *       <td>the only design</td></tr>
 *   <tr><td>adaptive</td><td>off (always N samples)</td><td>none</td></tr>
 *   <tr><td>trust</td><td>{@link TrustOptions#NONE}: no stability, fidelity curves or counterfactual</td>
 *       <td>none</td></tr>
 * </table>
 */
public final class TextExplainerOptions {

    /** Default N: 5000. */
    public static final int DEFAULT_SAMPLES = 5000;

    /** Default number of texts per classifier call: 256. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /** Default K: 10. */
    public static final int DEFAULT_NUM_FEATURES = 10;

    private final int samples;
    private final int batchSize;
    private final Tokenizer tokenizer;
    private final Perturbation perturbation;
    private final double kernelWidth;
    private final FeatureSelection featureSelection;
    private final int numFeatures;
    private final int topLabels;
    private final int[] labels;
    private final long seed;
    private final ProgressListener progress;
    private final SamplingDesign samplingDesign;
    private final AdaptiveSampling adaptive;
    private final TrustOptions trust;

    private TextExplainerOptions(Builder b) {
        this.samples = b.samples;
        this.batchSize = b.batchSize;
        this.tokenizer = b.tokenizer;
        this.perturbation = b.perturbation;
        this.kernelWidth = b.kernelWidth;
        this.featureSelection = b.featureSelection;
        this.numFeatures = b.numFeatures;
        this.topLabels = b.topLabels;
        this.labels = b.labels == null ? null : b.labels.clone();
        this.seed = b.seed;
        this.progress = b.progress;
        this.samplingDesign = b.samplingDesign;
        this.adaptive = b.adaptive;
        this.trust = b.trust;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static TextExplainerOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        Builder b = new Builder().samples(samples).batchSize(batchSize).tokenizer(tokenizer).perturbation(perturbation)
                .kernelWidth(kernelWidth).featureSelection(featureSelection).numFeatures(numFeatures).seed(seed)
                .progress(progress).samplingDesign(samplingDesign).adaptive(adaptive).trust(trust);
        return labels != null ? b.labels(labels) : b.topLabels(topLabels);
    }

    /** @return N, the number of perturbed samples (the original included) */
    public int samples() {
        return samples;
    }

    /** @return the most texts the classifier is given in one call */
    public int batchSize() {
        return batchSize;
    }

    /** @return the tokenizer (features and their removal) */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** @return what replaces a removed word */
    public Perturbation perturbation() {
        return perturbation;
    }

    /** @return the kernel width (distances are cosine x 100) */
    public double kernelWidth() {
        return kernelWidth;
    }

    /** @return the K-Lasso feature selection */
    public FeatureSelection featureSelection() {
        return featureSelection;
    }

    /** @return K, the most words per explanation */
    public int numFeatures() {
        return numFeatures;
    }

    /** @return how many of the most probable labels to explain when {@link #labels()} is null */
    public int topLabels() {
        return topLabels;
    }

    /** @return the labels to explain, or null to explain the {@link #topLabels()} most probable */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** @return the seed of the sample matrix and of the perturbation's choices */
    public long seed() {
        return seed;
    }

    /** @return the progress listener */
    public ProgressListener progress() {
        return progress;
    }

    /** @return whether the explainer searches a counterfactual for the predicted label */
    public boolean counterfactual() {
        return trust.counterfactual();
    }

    /** @return how the samples are drawn */
    public SamplingDesign samplingDesign() {
        return samplingDesign;
    }

    /** @return the adaptive sampling rule, or null when always {@link #samples()} are drawn */
    public AdaptiveSampling adaptive() {
        return adaptive;
    }

    /** @return the trust measures taken */
    public TrustOptions trust() {
        return trust;
    }

    /** @return the sampling part, as the explanation loop takes it */
    public SamplingOptions sampling() {
        return new SamplingOptions(samples, samplingDesign, adaptive, seed);
    }

    /** @return the surrogate part, as the explanation loop takes it */
    public KLassoOptions surrogate() {
        return KLassoOptions.builder().kernelWidth(kernelWidth).featureSelection(featureSelection)
                .numFeatures(numFeatures).build();
    }

    @Override
    public String toString() {
        return "TextExplainerOptions[samples=" + samples + ", batchSize=" + batchSize + ", " + tokenizer
                + ", perturbation=" + perturbation + ", kernelWidth=" + kernelWidth + ", selection=" + featureSelection
                + ", numFeatures=" + numFeatures + ", " + (labels == null ? "topLabels=" + topLabels
                : "labels=" + Arrays.toString(labels)) + ", seed=" + seed + ", design=" + samplingDesign
                + (adaptive != null ? ", " + adaptive : "") + ", " + trust + "]";
    }

    /** Builder of {@link TextExplainerOptions}; setters validate at once. */
    public static final class Builder {
        private int samples = DEFAULT_SAMPLES;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Tokenizer tokenizer = Tokenizer.defaults();
        private Perturbation perturbation = Perturbation.remove();
        private double kernelWidth = ExponentialKernel.TEXT_WIDTH;
        private FeatureSelection featureSelection = FeatureSelection.AUTO;
        private int numFeatures = DEFAULT_NUM_FEATURES;
        private int topLabels = 1;
        private int[] labels = {1};
        private long seed;
        private ProgressListener progress = ProgressListener.NONE;
        private SamplingDesign samplingDesign = SamplingDesign.REMOVAL;
        private AdaptiveSampling adaptive;
        private TrustOptions trust = TrustOptions.NONE;

        private Builder() {
        }

        /**
         * @param samples N, at least 2 (the original and one perturbation); default 5000
         * @return this builder
         */
        public Builder samples(int samples) {
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be at least 2 (the original and one perturbation), "
                        + "got " + samples);
            }
            this.samples = samples;
            return this;
        }

        /**
         * @param batchSize the most texts per classifier call, at least 1; default 256
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param tokenizer how texts are cut into features; default {@link Tokenizer#defaults()}
         * @return this builder
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        /**
         * @param perturbation what replaces a removed word; default {@link Perturbation#remove()}
         * @return this builder
         */
        public Builder perturbation(Perturbation perturbation) {
            this.perturbation = Objects.requireNonNull(perturbation, "perturbation");
            return this;
        }

        /**
         * @param kernelWidth finite and &gt; 0; default 25
         * @return this builder
         */
        public Builder kernelWidth(double kernelWidth) {
            if (!(kernelWidth > 0) || !Double.isFinite(kernelWidth)) {
                throw new IllegalArgumentException("kernel width must be a finite number > 0, got " + kernelWidth);
            }
            this.kernelWidth = kernelWidth;
            return this;
        }

        /**
         * @param featureSelection the selection mode; default AUTO
         * @return this builder
         */
        public Builder featureSelection(FeatureSelection featureSelection) {
            this.featureSelection = Objects.requireNonNull(featureSelection, "featureSelection");
            return this;
        }

        /**
         * @param numFeatures K, at least 1; default 10
         * @return this builder
         */
        public Builder numFeatures(int numFeatures) {
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures must be at least 1, got " + numFeatures);
            }
            this.numFeatures = numFeatures;
            return this;
        }

        /**
         * Explains the {@code topLabels} most probable labels of the original text instead of fixed
         * labels.
         *
         * @param topLabels at least 1
         * @return this builder
         */
        public Builder topLabels(int topLabels) {
            if (topLabels < 1) {
                throw new IllegalArgumentException("topLabels must be at least 1, got " + topLabels);
            }
            this.topLabels = topLabels;
            this.labels = null;
            return this;
        }

        /**
         * @param labels explain exactly these labels; default label 1, as the reference
         * @return this builder
         */
        public Builder labels(int... labels) {
            if (labels == null || labels.length == 0) {
                throw new IllegalArgumentException("labels must name at least one label");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0) {
                    throw new IllegalArgumentException("label " + labels[i] + " is negative");
                }
                for (int j = 0; j < i; j++) {
                    if (labels[i] == labels[j]) {
                        throw new IllegalArgumentException("label " + labels[i] + " is given twice");
                    }
                }
            }
            this.labels = labels.clone();
            return this;
        }

        /**
         * @param seed the seed of the sample matrix and of the perturbation's choices; default 0
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param progress told after each classifier call; default none
         * @return this builder
         */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * @param counterfactual also search the fewest top words whose removal flips the predicted
         *                       label (verified by the classifier; needs the predicted label among
         *                       the explained ones); default false
         * @return this builder
         */
        public Builder counterfactual(boolean counterfactual) {
            this.trust = trust.withCounterfactual(counterfactual);
            return this;
        }

        /**
         * @param trust the trust measures: stability over seeds, fidelity curves, the counterfactual;
         *              default {@link TrustOptions#NONE}
         * @return this builder
         */
        public Builder trust(TrustOptions trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * @param samplingDesign how the samples are drawn; default REMOVAL, the reference's
         * @return this builder
         */
        public Builder samplingDesign(SamplingDesign samplingDesign) {
            this.samplingDesign = Objects.requireNonNull(samplingDesign, "samplingDesign");
            return this;
        }

        /**
         * @param adaptive sample in rounds and stop once the top words are stable, within the
         *                 {@link #samples} budget; null (the default) for always N samples
         * @return this builder
         */
        public Builder adaptive(AdaptiveSampling adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        /** @return the options */
        public TextExplainerOptions build() {
            return new TextExplainerOptions(this);
        }
    }
}
