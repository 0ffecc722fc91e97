package dev.limelight.core;

import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingOptions;
import dev.limelight.core.trust.TrustOptions;
import java.util.Objects;

/**
 * What every explainer's options hold, whatever the input: the {@link ExplanationLoop}'s settings
 * (sampling, surrogate, trust), which labels to explain, how many perturbed inputs go to the model at
 * once, and who hears of progress. A modality's options add only what is its own (the image's
 * segmenter, the text's tokenizer) and start from its own defaults.
 */
public abstract class ExplainerOptions {

    private final ExplanationLoop.Settings loop;
    private final LabelChoice labels;
    private final int batchSize;
    private final ProgressListener progress;

    /** @param builder the shared parts */
    protected ExplainerOptions(Builder<?, ?> builder) {
        this.loop = new ExplanationLoop.Settings(builder.sampling, builder.surrogate, builder.trust);
        this.labels = builder.labels;
        this.batchSize = builder.batchSize;
        this.progress = builder.progress;
    }

    /** @return the explanation loop's settings */
    public ExplanationLoop.Settings loop() {
        return loop;
    }

    /** @return how the samples are drawn */
    public SamplingOptions sampling() {
        return loop.sampling();
    }

    /** @return the K-Lasso surrogate fit */
    public KLassoOptions surrogate() {
        return loop.surrogate();
    }

    /** @return the trust measures taken */
    public TrustOptions trust() {
        return loop.trust();
    }

    /** @return N, the sample budget (the original included) */
    public int samples() {
        return loop.sampling().samples();
    }

    /** @return the random seed of the samples */
    public long seed() {
        return loop.sampling().seed();
    }

    /** @return which labels are explained */
    public LabelChoice labelChoice() {
        return labels;
    }

    /** @return the labels to explain, or null when the {@link #topLabels()} highest are explained */
    public int[] labels() {
        return labels.named();
    }

    /** @return how many of the highest-output labels are explained when no label is named */
    public int topLabels() {
        return labels.top();
    }

    /** @return the most perturbed inputs given to the model in one call */
    public int batchSize() {
        return batchSize;
    }

    /** @return the progress listener */
    public ProgressListener progress() {
        return progress;
    }

    /** @return the shared parts in words, for a modality's {@code toString} */
    protected String describeShared() {
        return loop.sampling() + ", " + loop.surrogate() + ", " + loop.trust() + ", " + labels + ", batchSize="
                + batchSize;
    }

    /**
     * The setters of the shared parts, validating at once; a modality's builder extends it.
     *
     * @param <O> the options built
     * @param <B> the modality's builder, returned by every setter
     */
    public abstract static class Builder<O extends ExplainerOptions, B extends Builder<O, B>> {
        private SamplingOptions sampling;
        private KLassoOptions surrogate;
        private TrustOptions trust = TrustOptions.NONE;
        private LabelChoice labels;
        private int batchSize;
        private ProgressListener progress = ProgressListener.NONE;

        /**
         * A builder holding a modality's defaults.
         *
         * @param sampling  the default sampling
         * @param surrogate the default surrogate
         * @param labels    the default labels
         * @param batchSize the default batch size
         */
        protected Builder(SamplingOptions sampling, KLassoOptions surrogate, LabelChoice labels, int batchSize) {
            this.sampling = Objects.requireNonNull(sampling, "sampling");
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
            this.labels = Objects.requireNonNull(labels, "labels");
            batchSize(batchSize);
        }

        /** @param from options whose shared parts this builder starts from */
        protected Builder(ExplainerOptions from) {
            this(from.sampling(), from.surrogate(), from.labels, from.batchSize);
            this.trust = from.trust();
            this.progress = from.progress;
        }

        /** @return this builder, as its own type */
        protected abstract B self();

        /** @return the options */
        public abstract O build();

        /** @param sampling how the samples are drawn, all at once */
        public B sampling(SamplingOptions sampling) {
            this.sampling = Objects.requireNonNull(sampling, "sampling");
            return self();
        }

        /** @param samples N, at least 2 (the original and one perturbation) */
        public B samples(int samples) {
            return sampling(sampling.withSamples(samples));
        }

        /** @param seed the seed of the samples (and of any random choice of the perturbation); default 0 */
        public B seed(long seed) {
            return sampling(sampling.withSeed(seed));
        }

        /**
         * @param design how the samples are drawn; {@link SamplingDesign#ORTHOGONAL} estimates the same
         *               explanation with the least noise per sample
         */
        public B samplingDesign(SamplingDesign design) {
            return sampling(sampling.withDesign(design));
        }

        /** @param adaptive sample in rounds and stop once the top features are stable; null (default) for N */
        public B adaptive(AdaptiveSampling adaptive) {
            return sampling(sampling.withAdaptive(adaptive));
        }

        /** @param surrogate the K-Lasso fit, all at once */
        public B surrogate(KLassoOptions surrogate) {
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
            return self();
        }

        /** @param kernelWidth the exponential kernel's width, finite and &gt; 0 */
        public B kernelWidth(double kernelWidth) {
            return surrogate(surrogate.toBuilder().kernelWidth(kernelWidth).build());
        }

        /** @param featureSelection the K-Lasso feature selection */
        public B featureSelection(FeatureSelection featureSelection) {
            return surrogate(surrogate.toBuilder().featureSelection(featureSelection).build());
        }

        /** @param numFeatures K, at least 1 */
        public B numFeatures(int numFeatures) {
            return surrogate(surrogate.toBuilder().numFeatures(numFeatures).build());
        }

        /** @param trust every trust measure at once (default {@link TrustOptions#NONE}) */
        public B trust(TrustOptions trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return self();
        }

        /**
         * @param runs R, seeds to explain for the stability report, at least 1 (1: off; default)
         * @param topK k of the reported top-k agreement, at least 1
         */
        public B stability(int runs, int topK) {
            return trust(trust.withStability(runs, topK));
        }

        /** @param on measure deletion / insertion curves (default off) */
        public B fidelityCurves(boolean on) {
            return trust(trust.withFidelityCurves(on));
        }

        /**
         * @param on search the fewest top features whose removal flips the predicted label, verified
         *           by the model (default off)
         */
        public B counterfactual(boolean on) {
            return trust(trust.withCounterfactual(on));
        }

        /** @param topLabels explain this many labels of highest output, at least 1 */
        public B topLabels(int topLabels) {
            this.labels = LabelChoice.top(topLabels);
            return self();
        }

        /** @param labels explain exactly these labels, distinct and non-negative */
        public B labels(int... labels) {
            this.labels = LabelChoice.exactly(labels);
            return self();
        }

        /** @param labels which labels to explain */
        public B labelChoice(LabelChoice labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
            return self();
        }

        /** @param batchSize perturbed inputs per model call, at least 1 */
        public B batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return self();
        }

        /** @param progress told as batches are scored; default none */
        public B progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return self();
        }
    }
}
