package dev.limelight.tabular;

import dev.limelight.core.ExplainerOptions;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LabelChoice;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingOptions;
import java.util.OptionalDouble;

/**
 * Options of {@link TabularExplainer}, built with {@link #builder()}: the shared
 * {@link ExplainerOptions} (sampling budget and seed, surrogate, trust, labels) and the table's own
 * kernel width. Defaults follow the reference's {@code LimeTabularExplainer}:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>reference</th></tr>
 *   <tr><td>samples</td><td>5000</td><td>num_samples=5000</td></tr>
 *   <tr><td>batchSize</td><td>1000</td><td>none: all rows in one call</td></tr>
 *   <tr><td>kernelWidth</td><td>0.75 sqrt(columns), on the Euclidean distance of the 0/1 rows</td>
 *       <td>kernel_width=None: 0.75 sqrt(columns)</td></tr>
 *   <tr><td>featureSelection</td><td>AUTO (forward selection up to 6 features, highest weights
 *       above)</td><td>feature_selection='auto'</td></tr>
 *   <tr><td>numFeatures</td><td>10</td><td>num_features=10</td></tr>
 *   <tr><td>labels</td><td>the predicted label</td><td>labels=(1,)</td></tr>
 *   <tr><td>seed</td><td>0</td><td>random_state=None (unrepeatable)</td></tr>
 * </table>
 * The rows are drawn from the training distribution ({@link TrainingDistribution}); the sampling
 * design of the shared options does not apply to tables.
 */
public final class TabularExplainerOptions extends ExplainerOptions {

    /** Default N: 5000. */
    public static final int DEFAULT_SAMPLES = 5000;

    /** Default number of rows per classifier call: 1000. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** The reference's kernel width per square root of the column count: 0.75. */
    public static final double KERNEL_WIDTH_PER_ROOT_COLUMN = 0.75;

    private final OptionalDouble kernelWidth;

    private TabularExplainerOptions(Builder b) {
        super(b);
        this.kernelWidth = b.kernelWidth;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static TabularExplainerOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the kernel width set, or empty for the reference's 0.75 sqrt(columns) */
    public OptionalDouble kernelWidth() {
        return kernelWidth;
    }

    /**
     * @param columns the table's feature columns
     * @return the kernel width for that many columns: the one set, else 0.75 sqrt(columns)
     */
    public double kernelWidth(int columns) {
        return kernelWidth.orElse(KERNEL_WIDTH_PER_ROOT_COLUMN * Math.sqrt(columns));
    }

    @Override
    public String toString() {
        return "TabularExplainerOptions[kernelWidth=" + (kernelWidth.isPresent() ? kernelWidth.getAsDouble()
                : "0.75 sqrt(columns)") + ", " + describeShared() + "]";
    }

    /** Builder of {@link TabularExplainerOptions}; setters validate at once. */
    public static final class Builder extends ExplainerOptions.Builder<TabularExplainerOptions, Builder> {
        private OptionalDouble kernelWidth = OptionalDouble.empty();

        private Builder() {
            super(new SamplingOptions(DEFAULT_SAMPLES, SamplingDesign.INDEPENDENT, null, 0), KLassoOptions.defaults(),
                    LabelChoice.top(1), DEFAULT_BATCH_SIZE);
        }

        private Builder(TabularExplainerOptions from) {
            super(from);
            this.kernelWidth = from.kernelWidth;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param kernelWidth the exponential kernel's width on the Euclidean distance of the 0/1 rows,
         *                    finite and &gt; 0; default 0.75 sqrt(columns)
         * @return this builder
         */
        @Override
        public Builder kernelWidth(double kernelWidth) {
            super.kernelWidth(kernelWidth);
            this.kernelWidth = OptionalDouble.of(kernelWidth);
            return this;
        }

        @Override
        public TabularExplainerOptions build() {
            return new TabularExplainerOptions(this);
        }
    }
}
