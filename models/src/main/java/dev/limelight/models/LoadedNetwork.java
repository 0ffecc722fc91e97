package dev.limelight.models;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.OutputKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J network as read from a model file (or handed over by a training script), with what is
 * known about its input: layout, channels and, when the file says so, the image size. It is the
 * raw network: no preprocessing, no probability check; {@link ImageModels#load(Path, ModelOptions)}
 * turns it into an {@link NetworkImageClassifier}.
 *
 * <p>Like the DL4J network it holds, it is not safe for concurrent use.
 */
public final class LoadedNetwork {

    private final Model network;
    private final String name;
    private final Path file;
    private final ModelFormat format;
    private final ImageLayout layout;
    private final int channels;
    private final int height;
    private final int width;
    private final ModelCard card;
    private final boolean hasNormalizer;

    LoadedNetwork(Model network, String name, Path file, ModelFormat format, ImageLayout layout, int channels,
            int height, int width, ModelCard card, boolean hasNormalizer) {
        if (!(network instanceof MultiLayerNetwork) && !(network instanceof ComputationGraph)) {
            throw new IllegalArgumentException("not a MultiLayerNetwork or ComputationGraph: " + network);
        }
        this.network = network;
        this.name = Objects.requireNonNull(name, "name");
        this.file = file;
        this.format = format;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.card = card;
        this.hasNormalizer = hasNormalizer;
    }

    /** @return the same description of another network (a rewrite of this one: same outputs), taking the given layout */
    LoadedNetwork withNetwork(Model other, ImageLayout otherLayout) {
        return new LoadedNetwork(other, name, file, format, otherLayout, channels, height, width, card, hasNormalizer);
    }

    /** @return the DL4J network: a {@link MultiLayerNetwork} or a {@link ComputationGraph} */
    public Model network() {
        return network;
    }

    /** @return true for a ComputationGraph (Keras functional models, DL4J graphs) */
    public boolean isComputationGraph() {
        return network instanceof ComputationGraph;
    }

    /** @return the name used in messages (the file name unless the options gave one) */
    public String name() {
        return name;
    }

    /** @return the file the network was read from, if it came from one */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** @return the kind of file it was read from, if it came from one */
    public Optional<ModelFormat> format() {
        return Optional.ofNullable(format);
    }

    /** @return the layout the network takes: NHWC for imported channels_last Keras models, else NCHW */
    public ImageLayout layout() {
        return layout;
    }

    /** @return the input channels, 1 or 3 */
    public int channels() {
        return channels;
    }

    /**
     * @return the input the file declares, or empty when it does not fix the image size (fully
     *         convolutional models, DL4J zips without a model card)
     */
    public Optional<ImageInput> declaredInput() {
        return height > 0 && width > 0 ? Optional.of(new ImageInput(height, width, channels, layout)) : Optional.empty();
    }

    /** @return the Limelight model card inside a DL4J zip, if it has one */
    public Optional<ModelCard> card() {
        return Optional.ofNullable(card);
    }

    /** @return true if a DL4J zip holds a DL4J normalizer (normalizer.bin), which Limelight does not apply */
    public boolean hasNormalizer() {
        return hasNormalizer;
    }

    /** @return the network's number of inputs (1 for a MultiLayerNetwork) */
    public int inputCount() {
        return network instanceof ComputationGraph g ? g.getConfiguration().getNetworkInputs().size() : 1;
    }

    /** @return the network's number of outputs (1 for a MultiLayerNetwork) */
    public int outputCount() {
        return network instanceof ComputationGraph g ? g.getConfiguration().getNetworkOutputs().size() : 1;
    }

    /** @return the data type of the network's parameters and activations */
    public DataType dataType() {
        return network instanceof ComputationGraph g ? g.getConfiguration().getDataType()
                : ((MultiLayerNetwork) network).getLayerWiseConfigurations().getDataType();
    }

    /**
     * Runs the network in inference mode on an already preprocessed batch.
     *
     * @param input a batch in the network's layout (cast to the network's data type if needed)
     * @return the network's single output
     * @throws IllegalStateException for a graph with several inputs or outputs (use {@link #network()})
     */
    public INDArray output(INDArray input) {
        if (inputCount() != 1 || outputCount() != 1) {
            throw new IllegalStateException(name + " has " + inputCount() + " input(s) and " + outputCount()
                    + " output(s); output(INDArray) needs one of each");
        }
        INDArray x = input.dataType() == dataType() ? input : input.castTo(dataType());
        return network instanceof ComputationGraph g ? g.outputSingle(x) : ((MultiLayerNetwork) network).output(x);
    }

    /**
     * The network's single output and the activations of the layer (or graph vertex) that feeds its
     * output layer, for a batch. A layer stack runs once, layer by layer (with its input
     * preprocessors), keeping what enters the output layer. A graph runs its forward pass for the output, and a second one
     * up to the penultimate vertex, a few images at a time (a graph keeps every vertex's activations on
     * the way).
     *
     * @param input the batch, preprocessed
     * @return {outputs, penultimate activations flattened to N x D}
     * @throws IllegalStateException for a network of one layer, or of several inputs or outputs
     */
    public INDArray[] outputAndPenultimate(INDArray input) {
        if (inputCount() != 1 || outputCount() != 1) {
            throw new IllegalStateException(name + " has " + inputCount() + " input(s) and " + outputCount()
                    + " output(s); embeddings need one of each");
        }
        INDArray x = input.dataType() == dataType() ? input : input.castTo(dataType());
        long n = x.size(0);
        if (network instanceof MultiLayerNetwork mln) {
            int layers = mln.getnLayers();
            if (layers < 2) {
                throw new IllegalStateException(name + " has a single layer: nothing comes before its output");
            }
            LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
            INDArray activations = x;
            INDArray penultimate = null;
            for (int i = 0; i < layers; i++) {
                if (i == layers - 1) {
                    penultimate = activations.reshape(n, activations.length() / n).dup();
                }
                INDArray in = activations;
                InputPreProcessor preprocessor = mln.getLayerWiseConfigurations().getInputPreProcess(i);
                if (preprocessor != null) {
                    in = preprocessor.preProcess(activations, (int) n, workspaces);
                }
                INDArray next = mln.getLayer(i).activate(in, false, workspaces);
                release(in, next, x);
                release(activations, next, x);
                activations = next;
            }
            return new INDArray[] {activations, penultimate};
        }
        ComputationGraph graph = (ComputationGraph) network;
        String outputName = graph.getConfiguration().getNetworkOutputs().get(0);
        String before = graph.getConfiguration().getVertexInputs().get(outputName).get(0);
        int index = graph.getVertex(before).getVertexIndex();
        INDArray output = graph.outputSingle(x);
        INDArray[] parts = new INDArray[(int) ((n + 3) / 4)];
        for (long from = 0; from < n; from += 4) {
            INDArray chunk = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, Math.min(n, from + 4)));
            Map<String, INDArray> activations = graph.feedForward(new INDArray[] {chunk}, index, false);
            INDArray a = activations.get(before);
            parts[(int) (from / 4)] = a.reshape(a.size(0), a.length() / a.size(0)).dup();
            activations.values().forEach(v -> release(v, output, x));
        }
        return new INDArray[] {output, parts.length == 1 ? parts[0] : org.nd4j.linalg.factory.Nd4j.vstack(parts)};
    }

    /**
     * Frees an intermediate activation's off-heap memory now, not when the garbage collector finds
     * it (a layer-by-layer pass without workspaces makes a new array per layer and batch; left to
     * the collector, they pile up outside the Java heap between collections). Kept when it shares
     * its buffer with an array still in use, or cannot be closed (a view, a workspace's).
     */
    private static void release(INDArray array, INDArray... inUse) {
        if (array == null || !array.closeable()) {
            return;
        }
        for (INDArray other : inUse) {
            if (other == array || other.data().sameUnderlyingData(array.data())) {
                return;
            }
        }
        array.close();
    }

    /**
     * Works out, from the configuration alone (no forward pass), how many values the network
     * outputs per image of the given input, checking on the way that every layer gets the input
     * width it was built for (so that a wrong explicit size fails here, naming the layer, rather
     * than inside the forward pass).
     *
     * @param input the images the network will get
     * @return the length of the output vector per image
     * @throws ModelFileException {@link ModelFileException.Problem#UNSUPPORTED_MODEL} if the network
     *                            has other than one input and one output, its output is not a vector,
     *                            or the input does not fit it
     */
    public long outputSize(ImageInput input) {
        if (inputCount() != 1 || outputCount() != 1) {
            throw unsupported(name + " has " + inputCount() + " input(s) and " + outputCount()
                    + " output(s); an image classifier has one of each");
        }
        InputType type = InputType.convolutional(input.height(), input.width(), input.channels(),
                input.layout() == ImageLayout.NHWC ? CNN2DFormat.NHWC : CNN2DFormat.NCHW);
        InputType out;
        try {
            out = network instanceof ComputationGraph g ? propagate(g, type) : propagate((MultiLayerNetwork) network, type);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unsupported("input " + input + " does not fit " + name + ": " + e.getMessage(), e);
        }
        if (!(out instanceof InputType.InputTypeFeedForward ff)) {
            throw unsupported(name + " outputs " + out + " per image, not a vector of class scores");
        }
        return ff.getSize();
    }

    /**
     * The output kind the network's last layer declares through its activation: softmax, sigmoid
     * (one unit: a binary classifier; several: multi-label), identity with one unit (regression).
     *
     * @param outputs the network's output count
     * @return the declared kind, or empty when the activation says none of these (logits, say)
     */
    public Optional<OutputKind> declaredOutputKind(long outputs) {
        IActivation activation = outputActivation(outputLayer(network));
        if (activation instanceof ActivationSoftmax) {
            return Optional.of(OutputKind.SOFTMAX);
        }
        if (activation instanceof ActivationSigmoid) {
            return Optional.of(outputs == 1 ? OutputKind.SIGMOID : OutputKind.MULTI_LABEL);
        }
        if (activation instanceof ActivationIdentity && outputs == 1) {
            return Optional.of(OutputKind.REGRESSION);
        }
        return Optional.empty();
    }

    /**
     * The same network without its final softmax, for explanations of its logits: a copy (weights
     * duplicated) whose output layer's activation is the identity.
     *
     * @return the copy
     * @throws IllegalArgumentException when the output layer's activation is not a softmax
     */
    public LoadedNetwork withoutOutputSoftmax() {
        IActivation activation = outputActivation(outputLayer(network));
        if (!(activation instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException(name + "'s output activation is " + (activation == null ? "none"
                    : activation) + ", not a softmax: its logits are its outputs (load it with the logits option)");
        }
        Model copy = network instanceof ComputationGraph g ? copy(g) : ((MultiLayerNetwork) network).clone();
        Layer last = outputLayer(copy);
        if (last instanceof BaseLayer base) {
            base.setActivationFn(new ActivationIdentity());
        } else {
            ((ActivationLayer) last).setActivationFn(new ActivationIdentity());
        }
        return withNetwork(copy, layout);
    }

    /**
     * A copy of a graph with its own configuration and parameters. DL4J's {@code ComputationGraph.clone()}
     * loses every merge vertex's axis ({@code MergeVertex.clone()} in 1.0.0-M2.1 makes a new vertex
     * with the default axis), so a channels-last graph that concatenates, such as InceptionV3, fails
     * in its first concat; the axes are put back before the copy is built.
     */
    private static ComputationGraph copy(ComputationGraph graph) {
        var original = graph.getConfiguration();
        var configuration = original.clone();
        original.getVertices().forEach((name, vertex) -> {
            if (vertex instanceof org.deeplearning4j.nn.conf.graph.MergeVertex merge) {
                ((org.deeplearning4j.nn.conf.graph.MergeVertex) configuration.getVertices().get(name))
                        .setMergeAxis(merge.getMergeAxis());
            }
        });
        ComputationGraph copy = new ComputationGraph(configuration);
        copy.init(graph.params().dup(), false);
        return copy;
    }

    /** The configuration the network's output layer computes with (null for an output vertex that is not a layer). */
    private static Layer outputLayer(Model network) {
        if (network instanceof ComputationGraph g) {
            String output = g.getConfiguration().getNetworkOutputs().get(0);
            org.deeplearning4j.nn.api.Layer layer = g.getLayer(output);
            return layer == null ? null : layer.conf().getLayer();
        }
        MultiLayerNetwork mln = (MultiLayerNetwork) network;
        return mln.getLayer(mln.getnLayers() - 1).conf().getLayer();
    }

    private static IActivation outputActivation(Layer last) {
        return last instanceof BaseLayer base ? base.getActivationFn()
                : last instanceof ActivationLayer act ? act.getActivationFn() : null;
    }

    private InputType propagate(MultiLayerNetwork mln, InputType type) {
        var conf = mln.getLayerWiseConfigurations();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            InputType in = pre != null ? pre.getOutputType(type) : type;
            Layer layer = conf.getConf(i).getLayer();
            requireFits(layer, layer.getLayerName() != null ? layer.getLayerName() : "layer " + i, in, type);
            type = layer.getOutputType(i, in);
        }
        return type;
    }

    private InputType propagate(ComputationGraph graph, InputType type) {
        var original = graph.getConfiguration();
        Map<String, InputType> types = original.clone().getLayerActivationTypes(type);
        for (Map.Entry<String, GraphVertex> vertex : original.getVertices().entrySet()) {
            if (vertex.getValue() instanceof LayerVertex lv) {
                InputType in = types.get(original.getVertexInputs().get(vertex.getKey()).get(0));
                InputPreProcessor pre = lv.getPreProcessor();
                requireFits(lv.getLayerConf().getLayer(), vertex.getKey(), pre != null ? pre.getOutputType(in) : in, type);
            }
        }
        return types.get(original.getNetworkOutputs().get(0));
    }

    /** Checks that a layer built for nIn inputs (channels for image layers) gets that many. */
    private void requireFits(Layer layer, String layerName, InputType in, InputType networkInput) {
        if (!(layer instanceof FeedForwardLayer ff) || ff.getNIn() <= 0) {
            return;
        }
        long got;
        if (in instanceof InputType.InputTypeConvolutional cnn) {
            got = cnn.getChannels();
        } else if (in instanceof InputType.InputTypeFeedForward flat) {
            got = flat.getSize();
        } else {
            return;
        }
        if (got != ff.getNIn()) {
            throw unsupported("input " + networkInput + " does not fit " + name + ": layer '" + layerName
                    + "' was built for " + ff.getNIn() + " inputs but would get " + got + " (" + in + ")", null);
        }
    }

    private ModelFileException unsupported(String message) {
        return unsupported(message, null);
    }

    private ModelFileException unsupported(String message, Throwable cause) {
        return new ModelFileException(file, ModelFileException.Problem.UNSUPPORTED_MODEL, message, cause);
    }

    @Override
    public String toString() {
        return name + ": " + (isComputationGraph() ? "ComputationGraph" : "MultiLayerNetwork") + ", input "
                + declaredInput().map(ImageInput::toString).orElse("?x?x" + channels + " " + layout)
                + (card != null ? ", model card " + card.name() : "");
    }
}
