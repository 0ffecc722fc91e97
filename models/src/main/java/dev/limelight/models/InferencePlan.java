package dev.limelight.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Rewrites a loaded graph for scoring, the way inference runtimes do, leaving what it computes the
 * same to float rounding. Applied when Limelight loads a model file for scoring; networks handed to
 * {@link ImageModels#wrap} (a training script's) and the training path are never touched.
 * <ul>
 *   <li><b>Batch normalisation folded into the convolution before it</b>: a
 *       {@code BatchNormalization} vertex whose only input is a 2D or depthwise convolution (identity
 *       activation, read by nothing else) disappears; the convolution's weights are scaled by
 *       {@code gamma / sqrt(var + eps)} per output channel and it gets the bias
 *       {@code (b - mean) * gamma / sqrt(var + eps) + beta}. DL4J runs batch normalisation as separate
 *       broadcast operations with temporary arrays a call: on the shared MobileNetV2 it took over half
 *       of the forward pass.</li>
 *   <li><b>Activations fused into the convolution before them</b>: an {@code ActivationLayer} whose
 *       only input is such a convolution becomes that convolution's activation, applied in place on
 *       its output, and a ReLU capped at 6 (two passes over the array in DL4J) becomes ND4J's one-pass
 *       ReLU6.</li>
 *   <li><b>Channels first end to end</b> (off by default): a graph imported channels-last (NHWC, as
 *       Keras saves them) is made channels-first (NCHW) throughout and then takes NCHW batches (the
 *       loaded network reports the layout, and Limelight builds its batches that way). It spares
 *       the copy DL4J's NHWC convolution makes of its input, but oneDNN ran MobileNetV2 at half the
 *       speed on NCHW data and InceptionV3 no faster (docs/backends.md), so it is there to measure.</li>
 * </ul>
 * Each rewrite has a switch ({@link Options}; system properties {@code limelight.plan.fold=false},
 * {@code limelight.plan.fuse=false}, {@code limelight.plan.layout=true}, or {@code limelight.plan=false}
 * for none) to compare against the graph as imported.
 */
public final class InferencePlan {

    /**
     * Which rewrites to apply.
     *
     * @param foldBatchNorm   fold batch normalisation into the convolution before it
     * @param fuseActivations fuse activation layers into the convolution before them
     * @param channelsFirst   run a channels-last (NHWC) graph channels-first end to end
     */
    public record Options(boolean foldBatchNorm, boolean fuseActivations, boolean channelsFirst) {

        /** Every rewrite. */
        public static final Options ALL = new Options(true, true, true);

        /** No rewrite: the graph as imported. */
        public static final Options NONE = new Options(false, false, false);

        /**
         * The default: folding and fusing, not the layout change, which measured slower (oneDNN runs
         * MobileNetV2's 1 x 1 and depthwise convolutions about twice as fast on NHWC data).
         */
        public static final Options DEFAULT = new Options(true, true, false);

        /** @return the rewrites the system properties turn on or off, else {@link #DEFAULT} */
        public static Options fromSystemProperties() {
            boolean all = on("limelight.plan", true);
            return new Options(all && on("limelight.plan.fold", DEFAULT.foldBatchNorm()),
                    all && on("limelight.plan.fuse", DEFAULT.fuseActivations()),
                    all && on("limelight.plan.layout", DEFAULT.channelsFirst()));
        }

        private static boolean on(String property, boolean otherwise) {
            String value = System.getProperty(property);
            return value == null ? otherwise : !"false".equalsIgnoreCase(value.trim());
        }
    }

    /**
     * What a plan did.
     *
     * @param graph             the rewritten graph (the given one when nothing applied)
     * @param foldedBatchNorms  batch normalisations folded, by vertex name
     * @param fusedActivations  activation layers fused, by vertex name
     * @param channelsFirst     whether a channels-last graph now takes and computes channels-first
     *                          (NCHW) batches
     */
    public record Result(ComputationGraph graph, List<String> foldedBatchNorms, List<String> fusedActivations,
                         boolean channelsFirst) {

        /** Copies the lists. */
        public Result {
            Objects.requireNonNull(graph, "graph");
            foldedBatchNorms = List.copyOf(foldedBatchNorms);
            fusedActivations = List.copyOf(fusedActivations);
        }

        /** @return the rewrites in words, e.g. "52 batch normalisations folded, 35 activations fused, NHWC to NCHW" */
        public String describe() {
            return String.format(Locale.ROOT, "%d batch normalisations folded, %d activations fused%s",
                    foldedBatchNorms.size(), fusedActivations.size(), channelsFirst ? ", NHWC to NCHW" : "");
        }
    }

    private InferencePlan() {
    }

    /**
     * @param graph   an initialised graph (not changed)
     * @param options the rewrites to apply
     * @return a new graph with the rewrites applied and the parameters carried over, or the given
     *         graph when none applies
     */
    public static Result apply(ComputationGraph graph, Options options) {
        // a copy through JSON: clone() drops fields such as a MergeVertex's axis (NHWC graphs concatenate on 3)
        ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(graph.getConfiguration().toJson());
        Map<String, INDArray[]> foldedParams = new LinkedHashMap<>();
        List<String> folded = new ArrayList<>();
        List<String> fused = new ArrayList<>();
        if (options.foldBatchNorm()) {
            for (String name : List.copyOf(conf.getVertices().keySet())) {
                if (layer(conf, name) instanceof BatchNormalization bn) {
                    String conv = foldableInput(conf, name);
                    if (conv != null && sameChannelAxis((ConvolutionLayer) layer(conf, conv), bn)) {
                        foldedParams.put(conv, fold(graph, conv, name, bn));
                        ((ConvolutionLayer) layer(conf, conv)).setHasBias(true);
                        remove(conf, name, conv);
                        folded.add(name);
                    }
                }
            }
        }
        if (options.fuseActivations()) {
            for (String name : List.copyOf(conf.getVertices().keySet())) {
                if (layer(conf, name) instanceof ActivationLayer activation) {
                    String conv = foldableInput(conf, name);
                    if (conv != null) {
                        ((ConvolutionLayer) layer(conf, conv)).setActivationFn(cheapest(activation.getActivationFn()));
                        remove(conf, name, conv);
                        fused.add(name);
                    }
                }
            }
        }
        boolean channelsFirst = options.channelsFirst() && toChannelsFirst(conf);
        if (folded.isEmpty() && fused.isEmpty() && !channelsFirst) {
            return new Result(graph, folded, fused, false);
        }
        // the configuration caches its topological order, which named the removed vertices
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        ComputationGraph rewritten = new ComputationGraph(conf);
        rewritten.init();
        for (org.deeplearning4j.nn.api.Layer target : rewritten.getLayers()) {
            String name = target.conf().getLayer().getLayerName();
            INDArray[] weightsAndBias = foldedParams.get(name);
            if (weightsAndBias != null) {
                set(target, ConvolutionParamInitializer.WEIGHT_KEY, weightsAndBias[0]);
                set(target, ConvolutionParamInitializer.BIAS_KEY, weightsAndBias[1]);
            } else {
                Map<String, INDArray> old = graph.getLayer(name).paramTable();
                for (String key : target.paramTable().keySet()) {
                    set(target, key, old.get(key));
                }
            }
        }
        return new Result(rewritten, folded, fused, channelsFirst);
    }

    /** Applies the rewrites the system properties leave on. */
    public static Result apply(ComputationGraph graph) {
        return apply(graph, Options.fromSystemProperties());
    }

    /**
     * Makes a channels-last graph channels-first: every layer's data format, the concatenation axis of
     * merges, the flattening before the dense layers. Done only when every vertex is of a kind whose
     * conversion is known (convolutions, batch normalisation, pooling, zero padding, activations,
     * dropout, dense layers, merges, element-wise vertices, and flattening of 1 x 1 maps, where the
     * order of values does not depend on the layout); the weights do not change (DL4J keeps
     * convolution weights in one layout for both).
     *
     * @return whether the graph was channels-last and is now channels-first
     */
    private static boolean toChannelsFirst(ComputationGraphConfiguration conf) {
        boolean channelsLast = false;
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                if (!convertible(lv.getPreProcessor())) {
                    return false;
                }
                Layer layer = lv.getLayerConf().getLayer();
                CNN2DFormat format = format(layer);
                if (format == CNN2DFormat.NHWC) {
                    channelsLast = true;
                } else if (format == null && !LAYOUT_FREE.contains(layer.getClass())) {
                    return false;
                }
            } else if (v instanceof PreprocessorVertex pv) {
                if (!convertible(pv.getPreProcessor())) {
                    return false;
                }
            } else if (!(v instanceof MergeVertex) && !(v instanceof ElementWiseVertex)) {
                return false;
            }
        }
        if (!channelsLast) {
            return false;
        }
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                toChannelsFirst(lv.getPreProcessor());
                Layer layer = lv.getLayerConf().getLayer();
                if (layer instanceof ConvolutionLayer conv) {
                    conv.setCnn2dDataFormat(CNN2DFormat.NCHW);
                } else if (layer instanceof BatchNormalization bn) {
                    bn.setCnn2DFormat(CNN2DFormat.NCHW);
                } else if (layer instanceof SubsamplingLayer pool) {
                    pool.setCnn2dDataFormat(CNN2DFormat.NCHW);
                } else if (layer instanceof ZeroPaddingLayer pad) {
                    pad.setDataFormat(CNN2DFormat.NCHW);
                }
            } else if (v instanceof PreprocessorVertex pv) {
                toChannelsFirst(pv.getPreProcessor());
            } else if (v instanceof MergeVertex merge && merge.getMergeAxis() == 3) {
                merge.setMergeAxis(1);
            }
        }
        return true;
    }

    /** Layers that hold no layout: they work on whatever they get. */
    private static final java.util.Set<Class<?>> LAYOUT_FREE = java.util.Set.of(ActivationLayer.class,
            DropoutLayer.class, DenseLayer.class, OutputLayer.class);

    /** @return the 2D layout a layer of a known kind computes in, or null for other kinds */
    private static CNN2DFormat format(Layer layer) {
        if (layer.getClass() == ConvolutionLayer.class || layer.getClass() == DepthwiseConvolution2D.class) {
            return ((ConvolutionLayer) layer).getCnn2dDataFormat();
        }
        if (layer.getClass() == BatchNormalization.class) {
            return ((BatchNormalization) layer).getCnn2DFormat();
        }
        if (layer.getClass() == SubsamplingLayer.class) {
            return ((SubsamplingLayer) layer).getCnn2dDataFormat();
        }
        if (layer.getClass() == ZeroPaddingLayer.class) {
            return ((ZeroPaddingLayer) layer).getDataFormat();
        }
        return null;
    }

    private static boolean convertible(InputPreProcessor preprocessor) {
        return preprocessor == null || preprocessor instanceof CnnToFeedForwardPreProcessor flatten
                && flatten.getInputHeight() == 1 && flatten.getInputWidth() == 1;
    }

    private static void toChannelsFirst(InputPreProcessor preprocessor) {
        if (preprocessor instanceof CnnToFeedForwardPreProcessor flatten) {
            flatten.setFormat(CNN2DFormat.NCHW);
        }
    }

    private static void set(org.deeplearning4j.nn.api.Layer target, String key, INDArray value) {
        target.setParam(key, value.reshape(target.getParam(key).shape()));
    }

    private static Layer layer(ComputationGraphConfiguration conf, String vertex) {
        GraphVertex v = conf.getVertices().get(vertex);
        return v instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    /**
     * @return the name of the vertex's only input when it is a plain 2D or depthwise convolution with
     *         an identity activation that nothing else reads (so the vertex can be folded into it), else null
     */
    private static String foldableInput(ComputationGraphConfiguration conf, String vertex) {
        if (((LayerVertex) conf.getVertices().get(vertex)).getPreProcessor() != null) {
            return null;
        }
        List<String> inputs = conf.getVertexInputs().get(vertex);
        if (inputs == null || inputs.size() != 1) {
            return null;
        }
        String input = inputs.get(0);
        Layer layer = layer(conf, input);
        boolean plain = layer != null && (layer.getClass() == ConvolutionLayer.class
                || layer.getClass() == DepthwiseConvolution2D.class);
        if (!plain || !(((ConvolutionLayer) layer).getActivationFn() instanceof ActivationIdentity)
                || conf.getNetworkOutputs().contains(input)) {
            return null;
        }
        long readers = conf.getVertexInputs().values().stream().filter(in -> in.contains(input)).count();
        return readers == 1 ? input : null;
    }

    private static boolean sameChannelAxis(ConvolutionLayer conv, BatchNormalization bn) {
        CNN2DFormat format = conv.getCnn2dDataFormat() == null ? CNN2DFormat.NCHW : conv.getCnn2dDataFormat();
        return bn.getCnn2DFormat() == format;
    }

    /** Removes a vertex that has one input, pointing its readers (and the outputs) at that input. */
    private static void remove(ComputationGraphConfiguration conf, String vertex, String input) {
        conf.getVertices().remove(vertex);
        conf.getVertexInputs().remove(vertex);
        for (List<String> inputs : conf.getVertexInputs().values()) {
            inputs.replaceAll(name -> name.equals(vertex) ? input : name);
        }
        conf.getNetworkOutputs().replaceAll(name -> name.equals(vertex) ? input : name);
    }

    /** A ReLU capped at 6 and nothing else becomes the one-pass ReLU6; any other activation stays. */
    private static IActivation cheapest(IActivation activation) {
        if (activation instanceof ActivationReLU relu && relu.getMax() != null && relu.getMax() == 6.0
                && isZero(relu.getThreshold()) && isZero(relu.getNegativeSlope())) {
            return new ActivationReLU6();
        }
        return activation;
    }

    private static boolean isZero(Double value) {
        return value == null || value == 0.0;
    }

    /**
     * @return the convolution's weights and bias with the batch normalisation after it folded in:
     *         {@code W * s} and {@code (b - mean) * s + beta} per output channel, {@code s = gamma / sqrt(var + eps)}
     */
    private static INDArray[] fold(ComputationGraph graph, String conv, String bnName, BatchNormalization bn) {
        Map<String, INDArray> bnParams = graph.getLayer(bnName).paramTable();
        Map<String, INDArray> convParams = graph.getLayer(conv).paramTable();
        DataType type = convParams.get(ConvolutionParamInitializer.WEIGHT_KEY).dataType();
        double[] mean = vector(bnParams.get(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        int channels = mean.length;
        double[] variance;
        if (bn.isUseLogStd()) {
            double[] log10std = vector(bnParams.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
            variance = new double[channels];
            for (int c = 0; c < channels; c++) {
                double std = Math.pow(10, log10std[c]);
                variance[c] = std * std;
            }
        } else {
            variance = vector(bnParams.get(BatchNormalizationParamInitializer.GLOBAL_VAR));
        }
        double[] gamma = new double[channels];
        double[] beta = new double[channels];
        if (bn.isLockGammaBeta()) {
            // as DL4J's layer does: fixed values apply only when both differ from 1 and 0
            boolean apply = bn.getGamma() != 1.0 && bn.getBeta() != 0.0;
            java.util.Arrays.fill(gamma, apply ? bn.getGamma() : 1.0);
            java.util.Arrays.fill(beta, apply ? bn.getBeta() : 0.0);
        } else {
            gamma = vector(bnParams.get(BatchNormalizationParamInitializer.GAMMA));
            beta = vector(bnParams.get(BatchNormalizationParamInitializer.BETA));
        }
        INDArray oldBias = convParams.get(ConvolutionParamInitializer.BIAS_KEY);
        double[] bias = oldBias == null ? new double[channels] : vector(oldBias);
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt(variance[c] + bn.getEps());
            shift[c] = (bias[c] - mean[c]) * scale[c] + beta[c];
        }
        INDArray weights = convParams.get(ConvolutionParamInitializer.WEIGHT_KEY).castTo(DataType.DOUBLE).dup();
        if (layerOf(graph, conv) instanceof DepthwiseConvolution2D) {
            // [kH, kW, nIn, multiplier]; output channel i * multiplier + m
            long multiplier = weights.size(3);
            for (long i = 0; i < weights.size(2); i++) {
                for (long m = 0; m < multiplier; m++) {
                    weights.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.point(m))
                            .muli(scale[(int) (i * multiplier + m)]);
                }
            }
        } else {
            // [nOut, nIn, kH, kW]
            for (int c = 0; c < channels; c++) {
                weights.get(NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all())
                        .muli(scale[c]);
            }
        }
        return new INDArray[] {weights.castTo(type), Nd4j.createFromArray(shift).castTo(type).reshape(1, channels)};
    }

    private static Layer layerOf(ComputationGraph graph, String name) {
        return graph.getLayer(name).conf().getLayer();
    }

    private static double[] vector(INDArray values) {
        return values.castTo(DataType.DOUBLE).reshape(values.length()).toDoubleVector();
    }
}
