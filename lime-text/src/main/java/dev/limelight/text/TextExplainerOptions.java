package dev.limelight.text;

import dev.limelight.core.ExplainerOptions;
import dev.limelight.core.KLassoOptions;
import dev.limelight.core.LabelChoice;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingOptions;
import dev.limelight.core.trust.TrustOptions;
import dev.limelight.text.perturb.Perturbation;
import dev.limelight.text.tokenize.Tokenizer;
import java.util.Objects;

/**
 * Options of {@link TextExplainer}, built with {@link #builder()}: the shared
 * {@link ExplainerOptions} (sampling, surrogate, trust, labels) and the text's own tokenizer and
 * perturbation. Defaults follow the reference's
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
 *   <tr><td>labels</td><td>label 1 (or the top labels, see {@link ExplainerOptions.Builder#topLabels})</td>
 *       <td>labels=(1,), top_labels=None</td></tr>
 *   <tr><td>seed</td><td>0</td><td>random_state=None (unrepeatable)</td></tr>
 *   <tr><td>samplingDesign</td><td>REMOVAL (the reference's: each sample removes k ~ U{1..d} words)</td>
 *       <td>the only design</td></tr>
 *   <tr><td>adaptive</td><td>off (always N samples)</td><td>none</td></tr>
 *   <tr><td>trust</td><td>{@link TrustOptions#NONE}: no stability, fidelity curves or counterfactual</td>
 *       <td>none</td></tr>
 * </table>
 */
public final class TextExplainerOptions extends ExplainerOptions {

    /** Default N: 5000. */
    public static final int DEFAULT_SAMPLES = 5000;

    /** Default number of texts per classifier call: 256. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final Tokenizer tokenizer;
    private final Perturbation perturbation;

    private TextExplainerOptions(Builder b) {
        super(b);
        this.tokenizer = b.tokenizer;
        this.perturbation = b.perturbation;
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
        return new Builder(this);
    }

    /** @return the tokenizer (features and their removal) */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** @return what replaces a removed word */
    public Perturbation perturbation() {
        return perturbation;
    }

    @Override
    public String toString() {
        return "TextExplainerOptions[" + tokenizer + ", perturbation=" + perturbation + ", " + describeShared() + "]";
    }

    /** Builder of {@link TextExplainerOptions}; setters validate at once. */
    public static final class Builder extends ExplainerOptions.Builder<TextExplainerOptions, Builder> {
        private Tokenizer tokenizer = Tokenizer.defaults();
        private Perturbation perturbation = Perturbation.remove();

        private Builder() {
            super(new SamplingOptions(DEFAULT_SAMPLES, SamplingDesign.REMOVAL, null, 0), KLassoOptions.forText(),
                    LabelChoice.exactly(1), DEFAULT_BATCH_SIZE);
        }

        private Builder(TextExplainerOptions from) {
            super(from);
            this.tokenizer = from.tokenizer;
            this.perturbation = from.perturbation;
        }

        @Override
        protected Builder self() {
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

        @Override
        public TextExplainerOptions build() {
            return new TextExplainerOptions(this);
        }
    }
}
