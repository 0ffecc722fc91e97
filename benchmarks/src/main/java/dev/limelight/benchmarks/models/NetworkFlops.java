package dev.limelight.benchmarks.models;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The floating-point operations of one image's forward pass, counted from a network's
 * configuration: two per multiply-add of every convolution (depthwise included) and dense layer,
 * which is how GFLOP figures for InceptionV3 (11.4) and MobileNetV2 (0.6) are quoted. Element-wise
 * work (normalisation, activations, pooling) is left out.
 */
final class NetworkFlops {

    private NetworkFlops() {
    }

    /** @return floating-point operations per image of the given input */
    static double perImage(Model network, ImageInput input) {
        CNN2DFormat format = input.layout() == ImageLayout.NHWC ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
        InputType type = InputType.convolutional(input.height(), input.width(), input.channels(), format);
        double flops = 0;
        if (network instanceof ComputationGraph graph) {
            ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(
                    graph.getConfiguration().toJson());
            Map<String, InputType> outputs = conf.getLayerActivationTypes(true, type);
            for (Map.Entry<String, GraphVertex> v : conf.getVertices().entrySet()) {
                if (v.getValue() instanceof LayerVertex lv) {
                    flops += flops(lv.getLayerConf().getLayer(), outputs.get(v.getKey()));
                }
            }
        } else {
            MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(
                    ((MultiLayerNetwork) network).getLayerWiseConfigurations().toJson());
            List<InputType> outputs = conf.getLayerActivationTypes(type);
            for (int i = 0; i < conf.getConfs().size(); i++) {
                flops += flops(conf.getConf(i).getLayer(), outputs.get(i));
            }
        }
        return flops;
    }

    private static double flops(Layer layer, InputType output) {
        if (layer instanceof DepthwiseConvolution2D dw && output instanceof InputType.InputTypeConvolutional out) {
            int[] k = dw.getKernelSize();
            return 2.0 * k[0] * k[1] * out.getChannels() * out.getHeight() * out.getWidth();
        }
        if (layer.getClass() == ConvolutionLayer.class && output instanceof InputType.InputTypeConvolutional out) {
            ConvolutionLayer conv = (ConvolutionLayer) layer;
            int[] k = conv.getKernelSize();
            return 2.0 * k[0] * k[1] * conv.getNIn() * out.getChannels() * out.getHeight() * out.getWidth();
        }
        if (layer instanceof DenseLayer dense) {
            return 2.0 * dense.getNIn() * dense.getNOut();
        }
        if (layer instanceof OutputLayer out) {
            return 2.0 * out.getNIn() * out.getNOut();
        }
        return 0;
    }
}
