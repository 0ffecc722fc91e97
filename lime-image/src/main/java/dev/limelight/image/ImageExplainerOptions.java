package dev.limelight.image;

import dev.limelight.core.ExplainerOptions;
import dev.limelight.core.ExponentialKernel;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LabelChoice;
import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingOptions;
import java.util.Objects;

/**
 * Options of {@link ImageExplainer}, built with {@link #builder()}: the shared
 * {@link ExplainerOptions} (sampling, surrogate, trust, labels) and the image's own segmenter and hide
 * mode. Defaults follow the reference's
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
public final class ImageExplainerOptions extends ExplainerOptions {

    /** Default N: 1000. */
    public static final int DEFAULT_SAMPLES = 1000;

    /**
     * Default number of perturbed images per model call: 16. Measured with the shared MobileNetV2 and
     * InceptionV3 (docs/benchmarks.md): as fast as 32, with a third less peak memory.
     */
    public static final int DEFAULT_BATCH_SIZE = 16;

    /** Default number of top labels explained: 5. */
    public static final int DEFAULT_TOP_LABELS = 5;

    private final Segmenter segmenter;
    private final HideMode hideMode;

    private ImageExplainerOptions(Builder b) {
        super(b);
        this.segmenter = b.segmenter;
        this.hideMode = b.hideMode;
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
        return new Builder(this);
    }

    /** @return the superpixel segmenter */
    public Segmenter segmenter() {
        return segmenter;
    }

    /** @return what hidden superpixels show */
    public HideMode hideMode() {
        return hideMode;
    }

    @Override
    public String toString() {
        return "ImageExplainerOptions[segmenter=" + segmenter + ", hide=" + hideMode + ", " + describeShared() + "]";
    }

    /** Builder of {@link ImageExplainerOptions}; setters validate at once. */
    public static final class Builder extends ExplainerOptions.Builder<ImageExplainerOptions, Builder> {
        private Segmenter segmenter = SegmenterKind.SLIC.create(SegmenterKind.DEFAULT_SEGMENTS);
        private HideMode hideMode = HideMode.segmentMean();

        private Builder() {
            super(new SamplingOptions(DEFAULT_SAMPLES, SamplingDesign.INDEPENDENT, null, 0),
                    KLassoOptions.builder().kernelWidth(ExponentialKernel.IMAGE_WIDTH)
                            .featureSelection(FeatureSelection.NONE).build(),
                    LabelChoice.top(DEFAULT_TOP_LABELS), DEFAULT_BATCH_SIZE);
        }

        private Builder(ImageExplainerOptions from) {
            super(from);
            this.segmenter = from.segmenter;
            this.hideMode = from.hideMode;
        }

        @Override
        protected Builder self() {
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

        @Override
        public ImageExplainerOptions build() {
            return new ImageExplainerOptions(this);
        }
    }
}
