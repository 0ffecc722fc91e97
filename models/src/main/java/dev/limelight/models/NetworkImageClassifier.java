package dev.limelight.models;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageEmbedder;
import dev.limelight.core.ImageInput;
import dev.limelight.core.OutputKind;
import dev.limelight.core.PreprocessedInput;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A real DL4J network (Keras import or DL4J zip) as lime-core's {@link ImageClassifier}: it takes
 * batches of [0, 255] RGB pixels in the network's own layout ({@link #input()}), preprocesses them
 * in place with its {@link Preprocessing} preset, runs the network in inference mode, applies a
 * softmax when the network outputs logits, turns a single sigmoid unit into two classes, and checks
 * the rows for their {@link OutputKind} (class probabilities: finite, non-negative, summing to 1
 * within 1e-3), failing with a message naming the model otherwise.
 *
 * <p>Made by {@link ImageModels}. {@link #predict} is synchronized: DL4J networks are not safe for
 * concurrent use.
 */
public final class NetworkImageClassifier implements ImageClassifier {

    private final LoadedNetwork network;
    private final String name;
    private final ImageInput input;
    private final int classCount;
    private final Preprocessing preprocessing;
    private final boolean logits;
    private final OutputKind outputKind;
    private final List<String> classNames;
    private long forwardNanos;

    NetworkImageClassifier(LoadedNetwork network, String name, ImageInput input, int classCount,
            Preprocessing preprocessing, boolean logits, OutputKind outputKind, List<String> classNames) {
        this.network = Objects.requireNonNull(network, "network");
        this.name = Objects.requireNonNull(name, "name");
        this.input = Objects.requireNonNull(input, "input");
        this.classCount = classCount;
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.logits = logits;
        this.outputKind = Objects.requireNonNull(outputKind, "outputKind");
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public ImageInput input() {
        return input;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /**
     * @return what the rows {@link #predict} returns are; a single sigmoid unit comes back as two
     *         classes, [1 - p, p]
     */
    @Override
    public OutputKind outputKind() {
        return outputKind;
    }

    /** @return the preset applied to every batch */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** @return true if a softmax is applied to the network's outputs (the {@code logits} option) */
    public boolean appliesSoftmax() {
        return logits;
    }

    /** @return the model's name, as used in messages */
    public String name() {
        return name;
    }

    /**
     * @return wall time spent inside the network's forward passes since this classifier was made, in
     *         nanoseconds (without preprocessing and output checks: what a benchmark calls "the model")
     */
    public synchronized long forwardNanos() {
        return forwardNanos;
    }

    /**
     * The same model scoring its logits: the network's scores before its final softmax (not
     * log-probabilities, which differ from them by a constant per image). A network that outputs
     * logits already (the logits option) is used as it is; otherwise a copy without its output
     * softmax is made (the weights are duplicated).
     *
     * @return a classifier of {@link OutputKind#LOGIT} outputs
     * @throws IllegalArgumentException when this is not a softmax classifier, or the network's output
     *                                  layer is not a softmax
     */
    public NetworkImageClassifier inLogitSpace() {
        if (outputKind != OutputKind.SOFTMAX) {
            throw new IllegalArgumentException("logits are a softmax classifier's; " + name + " has a "
                    + outputKind.label() + " output");
        }
        LoadedNetwork raw = network;
        if (!logits) {
            raw = network.withoutOutputSoftmax();
            OneDnnConvolutions.install(raw.network());
        }
        return new NetworkImageClassifier(raw, name, input, classCount, preprocessing, false, OutputKind.LOGIT,
                classNames);
    }

    /** @return the underlying network and what its file said */
    public LoadedNetwork network() {
        return network;
    }

    /**
     * Scores a batch.
     *
     * @param batch N images of {@link #input()}'s shape, floating point, values in [0, 255], RGB;
     *              preprocessed in place, so its contents are overwritten
     * @return N x K class probabilities
     * @throws IllegalArgumentException if the batch has the wrong shape or is not floating point
     * @throws IllegalStateException    if the output is not a probability matrix (names the model,
     *                                  the row and the value)
     */
    @Override
    public INDArray predict(INDArray batch) {
        long n = checkedSize(batch);
        preprocessing.applyInPlace(batch, input.layout());
        return forward(batch, n);
    }

    /** @return the {@link Preprocessing} preset as a step of its own, and the network after it */
    @Override
    public Optional<PreprocessedInput> preprocessedInput() {
        return Optional.of(new PreprocessedInput() {
            @Override
            public void preprocessInPlace(INDArray images) {
                checkedSize(images);
                preprocessing.applyInPlace(images, input.layout());
            }

            @Override
            public INDArray predictPreprocessed(INDArray preprocessed) {
                return forward(preprocessed, checkedSize(preprocessed));
            }
        });
    }

    /** The network's forward pass on a checked, preprocessed batch of {@code n} images, and its checked rows. */
    private synchronized INDArray forward(INDArray batch, long n) {
        long started = System.nanoTime();
        INDArray output = network.output(batch);
        forwardNanos += System.nanoTime() - started;
        return finish(output, n);
    }

    /**
     * The network's outputs and the activations of the layer before its output layer, when it has
     * one input and one output and more than one layer.
     */
    @Override
    public Optional<ImageEmbedder> embedder() {
        boolean layered = network.network() instanceof MultiLayerNetwork mln ? mln.getnLayers() > 1 : true;
        if (network.inputCount() != 1 || network.outputCount() != 1 || !layered) {
            return Optional.empty();
        }
        return Optional.of(this::predictAndEmbed);
    }

    private synchronized ImageEmbedder.Embedded predictAndEmbed(INDArray batch) {
        long n = checkedSize(batch);
        preprocessing.applyInPlace(batch, input.layout());
        long started = System.nanoTime();
        INDArray[] both = network.outputAndPenultimate(batch);
        forwardNanos += System.nanoTime() - started;
        return new ImageEmbedder.Embedded(finish(both[0], n), both[1]);
    }

    private long checkedSize(INDArray batch) {
        if (batch == null) {
            throw new IllegalArgumentException(name + ": the batch must not be null");
        }
        long n = batch.rank() == 4 ? batch.size(0) : -1;
        if (n < 1 || !Arrays.equals(batch.shape(), input.batchShape(n))) {
            throw new IllegalArgumentException(name + " takes batches of shape [N, "
                    + Arrays.toString(input.batchShape(1)).substring(4) + " (" + input.layout() + "), got "
                    + Arrays.toString(batch.shape()));
        }
        if (!batch.dataType().isFPType()) {
            throw new IllegalArgumentException(name + " takes floating-point batches, got " + batch.dataType());
        }
        return n;
    }

    /** The raw output as the declared kind's checked rows: softmax over logits, [1 - p, p] for one sigmoid. */
    private INDArray finish(INDArray raw, long n) {
        INDArray output = raw.rank() != 2 ? raw.reshape(n, raw.length() / n) : raw;
        if (logits) {
            output = Transforms.softmax(output, false);
        }
        if (outputKind == OutputKind.SIGMOID) {
            output = Nd4j.hstack(output.rsub(1.0), output);
        }
        outputKind.validRows(output, n, classCount, name);
        return output;
    }

    @Override
    public String toString() {
        return name + " (" + (network.isComputationGraph() ? "ComputationGraph" : "MultiLayerNetwork") + ", input "
                + input + ", preprocessing " + preprocessing + (logits ? ", softmax applied" : "") + ", "
                + outputKind.label() + " output, " + classCount + (outputKind == OutputKind.REGRESSION ? " value)"
                : " classes)");
    }
}
