package dev.limelight.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.SpaceToDepthLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.util.GraphIndices;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Reads what a DL4J network's configuration says about its image input: the layout of its first
 * image layer (CNN2DFormat), the channel count of its first convolution, and the image size of a
 * {@link FeedForwardToCnnPreProcessor} in front of it (networks built with
 * {@code InputType.convolutionalFlat}).
 */
final class NetworkInspection {

    /** One layer with the preprocessor DL4J applies to its input (null if none), in forward order. */
    record Step(Layer layer, InputPreProcessor preProcessor) {
    }

    private NetworkInspection() {
    }

    /** @return the network's layers in the order the forward pass runs them */
    static List<Step> steps(Model network) {
        List<Step> steps = new ArrayList<>();
        if (network instanceof MultiLayerNetwork mln) {
            var conf = mln.getLayerWiseConfigurations();
            for (int i = 0; i < conf.getConfs().size(); i++) {
                steps.add(new Step(conf.getConf(i).getLayer(), conf.getInputPreProcess(i)));
            }
        } else if (network instanceof ComputationGraph graph) {
            GraphIndices indices = graph.calculateIndices();
            var vertices = graph.getConfiguration().getVertices();
            for (int index : indices.getTopologicalSortOrder()) {
                GraphVertex vertex = vertices.get(indices.getIdxToName().get(index));
                if (vertex instanceof LayerVertex lv) {
                    steps.add(new Step(lv.getLayerConf().getLayer(), lv.getPreProcessor()));
                }
            }
        } else {
            throw new IllegalArgumentException("not a MultiLayerNetwork or ComputationGraph: " + network.getClass());
        }
        return steps;
    }

    /** @return the CNN2DFormat of the first layer that has one, if any */
    static Optional<CNN2DFormat> firstImageFormat(List<Step> steps) {
        for (Step step : steps) {
            CNN2DFormat format = formatOf(step.layer());
            if (format != null) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** @return the input channels of the first convolution or batch normalisation, if known */
    static OptionalInt firstChannels(List<Step> steps) {
        for (Step step : steps) {
            if (step.preProcessor() instanceof FeedForwardToCnnPreProcessor p && p.getNumChannels() > 0) {
                return OptionalInt.of((int) p.getNumChannels());
            }
            Layer layer = step.layer();
            if (layer instanceof ConvolutionLayer conv && conv.getNIn() > 0) {
                return OptionalInt.of((int) conv.getNIn());
            }
            if (layer instanceof BatchNormalization bn && bn.getNIn() > 0) {
                return OptionalInt.of((int) bn.getNIn());
            }
        }
        return OptionalInt.empty();
    }

    /** @return height and width from a FeedForwardToCnnPreProcessor in front of the first layer, if any */
    static Optional<int[]> flatInputSize(List<Step> steps) {
        if (!steps.isEmpty() && steps.get(0).preProcessor() instanceof FeedForwardToCnnPreProcessor p
                && p.getInputHeight() > 0 && p.getInputWidth() > 0) {
            return Optional.of(new int[] {(int) p.getInputHeight(), (int) p.getInputWidth()});
        }
        return Optional.empty();
    }

    private static CNN2DFormat formatOf(Layer layer) {
        if (layer instanceof ConvolutionLayer l) {
            return l.getCnn2dDataFormat();
        } else if (layer instanceof SubsamplingLayer l) {
            return l.getCnn2dDataFormat();
        } else if (layer instanceof ZeroPaddingLayer l) {
            return l.getDataFormat();
        } else if (layer instanceof BatchNormalization l) {
            return l.getCnn2DFormat();
        } else if (layer instanceof Cropping2D l) {
            return l.getDataFormat();
        } else if (layer instanceof Upsampling2D l) {
            return l.getFormat();
        } else if (layer instanceof SpaceToDepthLayer l) {
            return l.getDataFormat();
        } else if (layer instanceof LocalResponseNormalization l) {
            return l.getDataFormat();
        }
        return null;
    }
}
