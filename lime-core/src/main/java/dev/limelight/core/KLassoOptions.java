package dev.limelight.core;

import java.util.Objects;

/**
 * Options of the K-Lasso surrogate fit, built with {@link #builder()}. Defaults are the reference
 * {@code lime} package's ({@code LimeBase.explain_instance_with_data} and
 * {@code LimeTextExplainer.explain_instance}):
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>{@link Builder#kernel(Kernel) kernel}</td>
 *       <td>{@link ExponentialKernel} of width {@link ExponentialKernel#IMAGE_WIDTH 0.25}
 *           (use {@link #forText()} for the text width 25)</td></tr>
 *   <tr><td>{@link Builder#featureSelection(FeatureSelection) featureSelection}</td>
 *       <td>{@link FeatureSelection#AUTO}</td></tr>
 *   <tr><td>{@link Builder#numFeatures(int) numFeatures} (K)</td><td>10</td></tr>
 *   <tr><td>{@link Builder#ridgeAlpha(double) ridgeAlpha}</td><td>1.0</td></tr>
 * </table>
 */
public final class KLassoOptions {

    /** Default K: 10. */
    public static final int DEFAULT_NUM_FEATURES = 10;

    /** Default ridge penalty of the final surrogate: 1. */
    public static final double DEFAULT_RIDGE_ALPHA = 1.0;

    private final Kernel kernel;
    private final FeatureSelection featureSelection;
    private final int numFeatures;
    private final double ridgeAlpha;

    private KLassoOptions(Builder builder) {
        this.kernel = builder.kernel;
        this.featureSelection = builder.featureSelection;
        this.numFeatures = builder.numFeatures;
        this.ridgeAlpha = builder.ridgeAlpha;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults, with the image kernel width 0.25 */
    public static KLassoOptions defaults() {
        return builder().build();
    }

    /** @return the defaults with the text kernel width 25 */
    public static KLassoOptions forText() {
        return builder().kernel(Kernel.exponential(ExponentialKernel.TEXT_WIDTH)).build();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder().kernel(kernel).featureSelection(featureSelection).numFeatures(numFeatures)
                .ridgeAlpha(ridgeAlpha);
    }

    /** @return the kernel turning distances into sample weights */
    public Kernel kernel() {
        return kernel;
    }

    /** @return the feature selection mode */
    public FeatureSelection featureSelection() {
        return featureSelection;
    }

    /** @return K, the maximum number of features in an explanation */
    public int numFeatures() {
        return numFeatures;
    }

    /** @return the ridge penalty of the final surrogate */
    public double ridgeAlpha() {
        return ridgeAlpha;
    }

    @Override
    public String toString() {
        return "KLassoOptions[kernel=" + kernel + ", featureSelection=" + featureSelection + ", numFeatures="
                + numFeatures + ", ridgeAlpha=" + ridgeAlpha + "]";
    }

    /** Builder of {@link KLassoOptions}; every setter validates its argument at once. */
    public static final class Builder {
        private Kernel kernel = Kernel.exponential(ExponentialKernel.IMAGE_WIDTH);
        private FeatureSelection featureSelection = FeatureSelection.AUTO;
        private int numFeatures = DEFAULT_NUM_FEATURES;
        private double ridgeAlpha = DEFAULT_RIDGE_ALPHA;

        private Builder() {
        }

        /** Sets the kernel (default: exponential, width 0.25). */
        public Builder kernel(Kernel kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
            return this;
        }

        /**
         * Sets the exponential kernel's width (default 0.25).
         *
         * @throws IllegalArgumentException if the width is not finite and &gt; 0
         */
        public Builder kernelWidth(double width) {
            return kernel(Kernel.exponential(width));
        }

        /** Sets the feature selection mode (default {@link FeatureSelection#AUTO}). */
        public Builder featureSelection(FeatureSelection featureSelection) {
            this.featureSelection = Objects.requireNonNull(featureSelection, "featureSelection");
            return this;
        }

        /**
         * Sets K, the maximum number of features (default 10).
         *
         * @throws IllegalArgumentException if K &lt; 1
         */
        public Builder numFeatures(int numFeatures) {
            if (numFeatures < 1) {
                throw new IllegalArgumentException("numFeatures (K) must be >= 1, got " + numFeatures);
            }
            this.numFeatures = numFeatures;
            return this;
        }

        /**
         * Sets the ridge penalty of the final surrogate (default 1).
         *
         * @throws IllegalArgumentException if alpha is negative or not finite
         */
        public Builder ridgeAlpha(double ridgeAlpha) {
            if (!(ridgeAlpha >= 0) || !Double.isFinite(ridgeAlpha)) {
                throw new IllegalArgumentException("ridgeAlpha must be a finite number >= 0, got " + ridgeAlpha);
            }
            this.ridgeAlpha = ridgeAlpha;
            return this;
        }

        /** @return the options */
        public KLassoOptions build() {
            return new KLassoOptions(this);
        }
    }
}
