package dev.limelight.image;

import dev.limelight.core.ExponentialKernel;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.ProgressListener;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.trust.TrustOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link ImageExplainer}, built with {@link #builder()}. Defaults follow the reference's
 * {@code LimeImageExplainer.explain_instance} where it has one:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>reference</th></tr>
 *   <tr><td>samples</td><td>1000</td><td>num_samples=1000</td></tr>
 *   <tr><td>batchSize</td><td>32</td><td>batch_size=10</td></tr>
 *   <tr><td>segmenter</td><td>SLIC, 64 segments</td><td>quickshift (absent from BoofCV)</td></tr>
 *   <tr><td>hideMode</td><td>segment mean</td><td>hide_color=None (segment mean)</td></tr>
 *   <tr><td>kernelWidth</td><td>0.25</td><td>kernel_width=.25</td></tr>
 *   <tr><td>featureSelection</td><td>NONE (every segment)</td><td>auto with num_features=100000,
 *       which keeps every segment</td></tr>
 *   <tr><td>numFeatures</td><td>10 (used by the other selection modes)</td><td></td></tr>
 *   <tr><td>topLabels</td><td>5, or the labels given</td><td>top_labels=5</td></tr>
 *   <tr><td>seed</td><td>0</td><td>random_state=None (unrepeatable)</td></tr>
 *   <tr><td>stabilityRuns</td><td>1 (off); R &gt; 1 explains with seeds seed .. seed + R - 1 and reports
 *       their top-{@code stabilityTopK} (default 5) agreement</td><td>none</td></tr>
 *   <tr><td>fidelityCurves</td><td>off; deletion / insertion curves at 11 points against 5 random
 *       orders</td><td>none</td></tr>
 *   <tr><td>counterfactual</td><td>off; the fewest top segments whose hiding flips the
 *       prediction</td><td>none</td></tr>
 *   <tr><td>samplingDesign</td><td>{@link SamplingDesign#INDEPENDENT} ({@link SamplingDesign#ORTHOGONAL}
 *       gives the same explanation with less noise: the choice for adaptive sampling)</td><td>the same</td></tr>
 *   <tr><td>adaptive</td><td>off (null): a fixed {@code samples}; see {@link AdaptiveSampling}</td><td>none</td></tr>
 * </table>
 */
public final class ImageExplainerOptions {

    private final int samples;
    private final int batchSize;
    private final Segmenter segmenter;
    private final HideMode hideMode;
    private final double kernelWidth;
    private final FeatureSelection featureSelection;
    private final int numFeatures;
    private final int topLabels;
    private final int[] labels;
    private final long seed;
    private final ProgressListener progress;
    private final TrustOptions trust;
    private final AdaptiveSampling adaptive;
    private final SamplingDesign samplingDesign;

    private ImageExplainerOptions(Builder b) {
        this.trust = b.trust;
        this.adaptive = b.adaptive;
        this.samplingDesign = b.samplingDesign;
        this.samples = b.samples;
        this.batchSize = b.batchSize;
        this.segmenter = b.segmenter;
        this.hideMode = b.hideMode;
        this.kernelWidth = b.kernelWidth;
        this.featureSelection = b.featureSelection;
        this.numFeatures = b.numFeatures;
        this.topLabels = b.topLabels;
        this.labels = b.labels;
        this.seed = b.seed;
        this.progress = b.progress;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static ImageExplainerOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        Builder b = new Builder().samples(samples).batchSize(batchSize).segmenter(segmenter).hideMode(hideMode)
                .kernelWidth(kernelWidth).featureSelection(featureSelection).numFeatures(numFeatures)
                .topLabels(topLabels).seed(seed).progress(progress).trust(trust).adaptive(adaptive)
                .samplingDesign(samplingDesign);
        if (labels != null) {
            b.labels(labels);
        }
        return b;
    }

    /** @return N, the number of perturbed samples (row 0, the original, included) */
    public int samples() {
        return samples;
    }

    /** @return how many perturbed images go to the model at once */
    public int batchSize() {
        return batchSize;
    }

    /** @return the superpixel segmenter */
    public Segmenter segmenter() {
        return segmenter;
    }

    /** @return what hidden superpixels show */
    public HideMode hideMode() {
        return hideMode;
    }

    /** @return the kernel width */
    public double kernelWidth() {
        return kernelWidth;
    }

    /** @return the K-Lasso feature selection */
    public FeatureSelection featureSelection() {
        return featureSelection;
    }

    /** @return K for the selection modes that use it */
    public int numFeatures() {
        return numFeatures;
    }

    /** @return how many of the most probable labels to explain when no labels are given */
    public int topLabels() {
        return topLabels;
    }

    /** @return the labels to explain, or null for the top labels */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** @return the random seed of the sample matrix */
    public long seed() {
        return seed;
    }

    /** @return the progress listener */
    public ProgressListener progress() {
        return progress;
    }

    /** @return R, the number of seeds explained for the stability report (1: no report) */
    public int stabilityRuns() {
        return trust.stabilityRuns();
    }

    /** @return k of the stability report's top-k agreement */
    public int stabilityTopK() {
        return trust.stabilityTopK();
    }

    /** @return whether deletion / insertion curves are measured */
    public boolean fidelityCurves() {
        return trust.fidelityCurves();
    }

    /** @return whether a counterfactual is searched for */
    public boolean counterfactual() {
        return trust.counterfactual();
    }

    /** @return the trust measures taken */
    public TrustOptions trust() {
        return trust;
    }

    /** @return how the samples are drawn */
    public SamplingDesign samplingDesign() {
        return samplingDesign;
    }

    /** @return the adaptive sampling settings, or null for a fixed sample count */
    public AdaptiveSampling adaptive() {
        return adaptive;
    }

    @Override
    public String toString() {
        return "ImageExplainerOptions[samples=" + samples + ", batchSize=" + batchSize + ", segmenter=" + segmenter
                + ", hide=" + hideMode + ", kernelWidth=" + kernelWidth + ", selection=" + featureSelection
                + ", numFeatures=" + numFeatures + ", " + (labels == null ? "topLabels=" + topLabels
                : "labels=" + Arrays.toString(labels)) + ", seed=" + seed
                + (trust.stabilityRuns() > 1 ? ", stability=" + trust.stabilityRuns() + " runs top-"
                + trust.stabilityTopK() : "") + (trust.fidelityCurves() ? ", fidelityCurves" : "")
                + (trust.counterfactual() ? ", counterfactual" : "")
                + (adaptive != null ? ", " + adaptive : "")
                + (samplingDesign != SamplingDesign.INDEPENDENT ? ", " + samplingDesign.name().toLowerCase(Locale.ROOT)
                : "") + "]";
    }

    /** Builder of {@link ImageExplainerOptions}; setters validate at once. */
    public static final class Builder {
        private int samples = 1000;
        private int batchSize = 32;
        private Segmenter segmenter = SegmenterKind.SLIC.create(SegmenterKind.DEFAULT_SEGMENTS);
        private HideMode hideMode = HideMode.segmentMean();
        private double kernelWidth = ExponentialKernel.IMAGE_WIDTH;
        private FeatureSelection featureSelection = FeatureSelection.NONE;
        private int numFeatures = 10;
        private int topLabels = 5;
        private int[] labels;
        private long seed;
        private ProgressListener progress = ProgressListener.NONE;
        private TrustOptions trust = TrustOptions.NONE;
        private AdaptiveSampling adaptive;
        private SamplingDesign samplingDesign = SamplingDesign.INDEPENDENT;

        private Builder() {
        }

        /**
         * @param runs R, seeds to explain for the stability report, at least 1 (1: off; default)
         * @param topK k of the reported top-k agreement, at least 1 (default 5)
         */
        public Builder stability(int runs, int topK) {
            this.trust = trust.withStability(runs, topK);
            return this;
        }

        /** @param on measure deletion / insertion curves (default off) */
        public Builder fidelityCurves(boolean on) {
            this.trust = trust.withFidelityCurves(on);
            return this;
        }

        /** @param on search for a counterfactual for the predicted label (default off) */
        public Builder counterfactual(boolean on) {
            this.trust = trust.withCounterfactual(on);
            return this;
        }

        /** @param trust every trust measure at once (default {@link TrustOptions#NONE}) */
        public Builder trust(TrustOptions trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * @param samplingDesign how the samples are drawn; default {@link SamplingDesign#INDEPENDENT},
         *                       the reference's; {@link SamplingDesign#ORTHOGONAL} estimates the same
         *                       explanation with the least noise per sample
         * @return this builder
         */
        public Builder samplingDesign(SamplingDesign samplingDesign) {
            this.samplingDesign = Objects.requireNonNull(samplingDesign, "samplingDesign");
            return this;
        }

        /** @param adaptive adaptive sampling settings, or null for a fixed sample count (default) */
        public Builder adaptive(AdaptiveSampling adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        /** @param samples N, at least 2 (the original and one perturbation); default 1000 */
        public Builder samples(int samples) {
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be at least 2 (the original and one perturbation), got "
                        + samples);
            }
            this.samples = samples;
            return this;
        }

        /** @param batchSize images per model call, at least 1; default 32 */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** @param segmenter the segmenter; default SLIC with 64 segments */
        public Builder segmenter(Segmenter segmenter) {
            this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
            return this;
        }

        /** @param hideMode what hidden segments show; default the segment mean */
        public Builder hideMode(HideMode hideMode) {
            this.hideMode = Objects.requireNonNull(hideMode, "hideMode");
            return this;
        }

        /** @param kernelWidth finite and &gt; 0; default 0.25 */
        public Builder kernelWidth(double kernelWidth) {
            if (!(kernelWidth > 0) || !Double.isFinite(kernelWidth)) {
                throw new IllegalArgumentException("kernel width must be a finite number > 0, got " + kernelWidth);
            }
            this.kernelWidth = kernelWidth;
            return this;
        }

        /** @param featureSelection the selection mode; default NONE (every segment) */
        public Builder featureSelection(FeatureSelection featureSelection) {
            this.featureSelection = Objects.requireNonNull(featureSelection, "featureSelection");
            return this;
        }

        /** @param numFeatures K, at least 1; default 10 */
        public Builder numFeatures(int numFeatures) {
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures must be at least 1, got " + numFeatures);
            }
            this.numFeatures = numFeatures;
            return this;
        }

        /** @param topLabels how many top labels to explain, at least 1; default 5 */
        public Builder topLabels(int topLabels) {
            if (topLabels < 1) {
                throw new IllegalArgumentException("topLabels must be at least 1, got " + topLabels);
            }
            this.topLabels = topLabels;
            this.labels = null;
            return this;
        }

        /** @param labels explain exactly these labels instead of the top ones */
        public Builder labels(int... labels) {
            if (labels == null || labels.length == 0) {
                throw new IllegalArgumentException("labels must name at least one label");
            }
            this.labels = labels.clone();
            return this;
        }

        /** @param seed the seed of the sample matrix; default 0 */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param progress told as batches are scored; default none */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** @return the options */
        public ImageExplainerOptions build() {
            return new ImageExplainerOptions(this);
        }
    }
}
