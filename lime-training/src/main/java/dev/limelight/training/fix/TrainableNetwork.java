package dev.limelight.training.fix;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A copy of a loaded network that DL4J can fine-tune, through its transfer-learning API: every
 * layer gets Adam at the given learning rate, and the network ends in an output layer with a
 * cross-entropy loss over the classes.
 *
 * <ul>
 *   <li>a DL4J classifier (ends in an output layer with a loss, one output per class) keeps its
 *       layers;</li>
 *   <li>a Keras import ends in a dense layer (imported graphs carry no loss): when it has one output
 *       per class and a softmax or no activation (logits), it is replaced by an output layer with its
 *       weights, so the network starts from the same probabilities; so is a dense layer followed by a
 *       softmax activation layer;</li>
 *   <li>otherwise (another number of outputs, say a regression head) the last layer is replaced by a
 *       new softmax output layer of the classes, trained from its initial weights.</li>
 * </ul>
 */
public final class TrainableNetwork {

    private TrainableNetwork() {
    }

    /**
     * @param network      a {@code MultiLayerNetwork} or a {@code ComputationGraph} with one output
     * @param classes      the number of classes
     * @param learningRate Adam's learning rate for the fine-tuning
     * @param seed         seed of any new layer's weights
     * @return a trainable copy (the network passed in is not changed)
     * @throws IllegalArgumentException when the network cannot be made trainable (several outputs,
     *                                  or a last layer that is not a dense or output layer)
     */
    public static Model of(Model network, int classes, double learningRate, long seed) {
        FineTuneConfiguration tune = new FineTuneConfiguration.Builder().updater(new Adam(learningRate)).seed(seed)
                .build();
        if (network instanceof MultiLayerNetwork mln) {
            MultiLayerNetwork tuned = multiLayer(mln, classes, tune);
            withoutNoOpDropout(tuned.getLayers());
            return tuned;
        }
        if (network instanceof ComputationGraph graph) {
            ComputationGraph tuned = graph(graph, classes, tune);
            withoutNoOpDropout(tuned.getLayers());
            return tuned;
        }
        throw new IllegalArgumentException("not a MultiLayerNetwork or ComputationGraph: " + network);
    }

    private static MultiLayerNetwork multiLayer(MultiLayerNetwork network, int classes, FineTuneConfiguration tune) {
        org.deeplearning4j.nn.api.Layer[] layers = network.getLayers();
        Layer last = layers[layers.length - 1].conf().getLayer();
        TransferLearning.Builder builder = new TransferLearning.Builder(network).fineTuneConfiguration(tune);
        if (isClassifierOutput(last, classes)) {
            return builder.build();
        }
        int dense = layers.length - 1;
        if (last instanceof ActivationLayer act && act.getActivationFn() instanceof ActivationSoftmax
                && layers.length >= 2) {
            dense = layers.length - 2;
        }
        Layer head = layers[dense].conf().getLayer();
        if (!(head instanceof FeedForwardLayer feedForward) || !(head instanceof BaseLayer)) {
            throw new IllegalArgumentException("cannot fine-tune " + describe(network) + ": its last layer is a "
                    + head.getClass().getSimpleName() + ", not a dense or output layer");
        }
        boolean keep = keepsWeights(head, classes);
        INDArray weights = keep ? layers[dense].getParam("W").dup() : null;
        INDArray bias = keep ? layers[dense].getParam("b").dup() : null;
        MultiLayerNetwork tuned = builder.removeLayersFromOutput(layers.length - dense)
                .addLayer(output(feedForward.getNIn(), classes, head.getLayerName())).build();
        if (keep) {
            org.deeplearning4j.nn.api.Layer out = tuned.getLayers()[tuned.getLayers().length - 1];
            out.setParam("W", weights);
            out.setParam("b", bias);
        }
        return tuned;
    }

    private static ComputationGraph graph(ComputationGraph graph, int classes, FineTuneConfiguration tune) {
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("cannot fine-tune a graph with " + outputs.size() + " outputs");
        }
        String name = outputs.get(0);
        if (!(graph.getConfiguration().getVertices().get(name) instanceof LayerVertex vertex)) {
            throw new IllegalArgumentException("cannot fine-tune the graph: its output '" + name + "' is not a layer");
        }
        Layer last = vertex.getLayerConf().getLayer();
        TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(graph).fineTuneConfiguration(tune);
        if (isClassifierOutput(last, classes)) {
            return builder.build();
        }
        String headName = name;
        Layer head = last;
        if (last instanceof ActivationLayer act && act.getActivationFn() instanceof ActivationSoftmax) {
            List<String> inputs = graph.getConfiguration().getVertexInputs().get(name);
            if (inputs.size() == 1 && graph.getConfiguration().getVertices().get(inputs.get(0)) instanceof LayerVertex v) {
                headName = inputs.get(0);
                head = v.getLayerConf().getLayer();
            }
        }
        if (!(head instanceof FeedForwardLayer feedForward) || !(head instanceof BaseLayer)) {
            throw new IllegalArgumentException("cannot fine-tune the graph: its last layer '" + headName + "' is a "
                    + head.getClass().getSimpleName() + ", not a dense or output layer");
        }
        boolean keep = keepsWeights(head, classes);
        INDArray weights = keep ? graph.getLayer(headName).getParam("W").dup() : null;
        INDArray bias = keep ? graph.getLayer(headName).getParam("b").dup() : null;
        String[] headInputs = graph.getConfiguration().getVertexInputs().get(headName).toArray(String[]::new);
        if (!headName.equals(name)) {
            builder.removeVertexAndConnections(name);
        }
        ComputationGraph tuned = builder.removeVertexAndConnections(headName)
                .addLayer(headName, output(feedForward.getNIn(), classes, headName), headInputs)
                .setOutputs(headName).build();
        if (keep) {
            tuned.getLayer(headName).setParam("W", weights);
            tuned.getLayer(headName).setParam("b", bias);
        }
        return tuned;
    }

    /**
     * Keras import gives every layer a dropout that keeps every unit (p = 1): a no-op forward, but its
     * back-propagation fails on channels-last convolutions. Such dropouts are removed; real ones stay.
     */
    private static void withoutNoOpDropout(org.deeplearning4j.nn.api.Layer[] layers) {
        for (org.deeplearning4j.nn.api.Layer layer : layers) {
            Layer conf = layer.conf().getLayer();
            if (conf.getIDropout() instanceof Dropout d && d.getP() >= 1 && d.getPSchedule() == null) {
                conf.setIDropout(null);
            }
        }
    }

    /** An output layer with a loss, one output per class. */
    private static boolean isClassifierOutput(Layer layer, int classes) {
        return layer instanceof BaseOutputLayer out && out.getNOut() == classes
                && out.getActivationFn() instanceof ActivationSoftmax;
    }

    /** A dense head whose weights give the classes' probabilities (softmax) or logits (no activation). */
    private static boolean keepsWeights(Layer head, int classes) {
        return head instanceof FeedForwardLayer f && f.getNOut() == classes && head instanceof BaseLayer base
                && (base.getActivationFn() instanceof ActivationSoftmax
                || base.getActivationFn() instanceof ActivationIdentity);
    }

    private static OutputLayer output(long nIn, int classes, String name) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name(name).nIn(nIn).nOut(classes)
                .activation(Activation.SOFTMAX).build();
    }

    private static String describe(MultiLayerNetwork network) {
        return "the network of " + network.getLayers().length + " layers";
    }
}
