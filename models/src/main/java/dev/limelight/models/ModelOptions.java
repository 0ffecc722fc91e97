package dev.limelight.models;

import dev.limelight.core.OutputKind;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * How to turn a model file into an image classifier, built with {@link #builder()}. Every option
 * has a default; what the model file itself says (its declared input size, the model card inside a
 * DL4J zip) comes between the two: explicit option, then the file, then the default. Options are
 * serializable, so a distributed audit can send them to its executors with the model's bytes.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>{@link Builder#preprocessing(Preprocessing) preprocessing}</td>
 *       <td>the model card's; else {@link Preprocessing#UNIT} (x / 255)</td></tr>
 *   <tr><td>{@link Builder#logits(boolean) logits}</td>
 *       <td>false: the network outputs probabilities; true applies a softmax to its outputs</td></tr>
 *   <tr><td>{@link Builder#inputSize(int, int) inputSize}</td>
 *       <td>the size the file declares (Keras batch_input_shape, the model card, a DL4J
 *           FeedForwardToCnnPreProcessor); required for fully convolutional models</td></tr>
 *   <tr><td>{@link Builder#classNames(List) classNames}</td>
 *       <td>the model card's; else "class 0", "class 1", ...</td></tr>
 *   <tr><td>{@link Builder#name(String) name}</td><td>the file name</td></tr>
 *   <tr><td>{@link Builder#outputKind(OutputKind) outputKind}</td><td>declared by the network's last
 *       layer: softmax; one sigmoid unit (a binary classifier); several sigmoids (multi-label); one
 *       identity unit (regression)</td></tr>
 * </table>
 */
public final class ModelOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Preprocessing preprocessing;
    private final boolean logits;
    private final int inputHeight;
    private final int inputWidth;
    private final List<String> classNames;
    private final String name;
    private final OutputKind outputKind;

    private ModelOptions(Builder b) {
        this.preprocessing = b.preprocessing;
        this.logits = b.logits;
        this.inputHeight = b.inputHeight;
        this.inputWidth = b.inputWidth;
        this.classNames = b.classNames;
        this.name = b.name;
        this.outputKind = b.outputKind;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return all defaults */
    public static ModelOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.preprocessing = preprocessing;
        b.logits = logits;
        b.inputHeight = inputHeight;
        b.inputWidth = inputWidth;
        b.classNames = classNames;
        b.name = name;
        b.outputKind = outputKind;
        return b;
    }

    /** @return the preset chosen explicitly, if any */
    public Optional<Preprocessing> preprocessing() {
        return Optional.ofNullable(preprocessing);
    }

    /** @return true if the network outputs logits and a softmax must be applied */
    public boolean logits() {
        return logits;
    }

    /** @return true if an input size was given explicitly */
    public boolean hasInputSize() {
        return inputHeight > 0;
    }

    /** @return the explicit input height, or 0 if none was given */
    public int inputHeight() {
        return inputHeight;
    }

    /** @return the explicit input width, or 0 if none was given */
    public int inputWidth() {
        return inputWidth;
    }

    /** @return the class names given explicitly, if any */
    public Optional<List<String>> classNames() {
        return Optional.ofNullable(classNames);
    }

    /** @return the name given explicitly, if any */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the output kind given explicitly, if any (else the network's last layer declares it) */
    public Optional<OutputKind> outputKind() {
        return Optional.ofNullable(outputKind);
    }

    @Override
    public String toString() {
        return "ModelOptions[preprocessing=" + (preprocessing == null ? "(from the model or unit)" : preprocessing)
                + ", logits=" + logits + ", inputSize=" + (hasInputSize() ? inputHeight + "x" + inputWidth : "(from the model)")
                + ", classNames=" + (classNames == null ? "(from the model or numbered)" : classNames.size() + " names")
                + ", name=" + (name == null ? "(the file name)" : name)
                + ", outputKind=" + (outputKind == null ? "(declared by the network)" : outputKind.label()) + "]";
    }

    /** Builds {@link ModelOptions}; each setter documents its default. */
    public static final class Builder {

        private Preprocessing preprocessing;
        private boolean logits;
        private int inputHeight;
        private int inputWidth;
        private List<String> classNames;
        private String name;
        private OutputKind outputKind;

        private Builder() {
        }

        /**
         * @param outputKind what the network's outputs are; default: declared by its last layer
         * @return this builder
         */
        public Builder outputKind(OutputKind outputKind) {
            this.outputKind = outputKind;
            return this;
        }

        /**
         * @param preprocessing the preset that turns [0, 255] RGB pixels into the network's input;
         *                      default: the model card's, else {@link Preprocessing#UNIT}
         * @return this builder
         */
        public Builder preprocessing(Preprocessing preprocessing) {
            if (preprocessing == null) {
                throw new IllegalArgumentException("preprocessing must not be null");
            }
            this.preprocessing = preprocessing;
            return this;
        }

        /**
         * @param logits true if the network's last layer outputs logits (no softmax), so that a
         *               softmax must be applied; default false
         * @return this builder
         */
        public Builder logits(boolean logits) {
            this.logits = logits;
            return this;
        }

        /**
         * @param height input height in pixels, at least 1
         * @param width  input width in pixels, at least 1
         * @return this builder; default: the size the model file declares
         */
        public Builder inputSize(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("input size must be at least 1 x 1, got " + height + " x " + width);
            }
            this.inputHeight = height;
            this.inputWidth = width;
            return this;
        }

        /**
         * @param classNames one name per model output, class 0 first (see {@link ClassNames#read});
         *                   default: the model card's, else "class 0", "class 1", ...
         * @return this builder
         */
        public Builder classNames(List<String> classNames) {
            if (classNames == null || classNames.isEmpty()) {
                throw new IllegalArgumentException("class names must not be null or empty");
            }
            this.classNames = List.copyOf(classNames);
            return this;
        }

        /**
         * @param name the model's name in messages; default: the file name
         * @return this builder
         */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /** @return the options */
        public ModelOptions build() {
            return new ModelOptions(this);
        }
    }
}
