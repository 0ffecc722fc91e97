package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each rewrite of the inference plan against DL4J's own output for the graph as built, on random
 * weights and batch-normalisation statistics: both layouts, with and without a convolution bias,
 * every activation the imported models use, both of DL4J's variance parameterisations, and with
 * DL4J's built-in convolutions as with oneDNN's.
 */
class InferencePlanTest {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (CNN2DFormat format : CNN2DFormat.values()) {
            for (boolean bias : new boolean[] {false, true}) {
                for (IActivation activation : List.of(new ActivationIdentity(), new ActivationReLU(),
                        new ActivationReLU(6.0, 0.0, 0.0), Activation.SIGMOID.getActivationFunction())) {
                    for (boolean logStd : new boolean[] {false, true}) {
                        all.add(Arguments.of(format, bias, activation, logStd));
                    }
                }
            }
        }
        return all.build();
    }

    /** in -> conv -> bn -> activation -> depthwise -> bn -> relu6, read at the end. */
    private static ComputationGraph network(CNN2DFormat format, boolean bias, IActivation activation, boolean logStd,
                                            long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(6).hasBias(bias).dataFormat(format)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().useLogStd(logStd).build(), "conv")
                .addLayer("act", new ActivationLayer.Builder().activation(activation).build(), "bn")
                .addLayer("dw", new DepthwiseConvolution2D.Builder(3, 3).depthMultiplier(2).hasBias(bias)
                        .dataFormat(format).stride(2, 2).convolutionMode(ConvolutionMode.Truncate)
                        .activation(Activation.IDENTITY).build(), "act")
                .addLayer("bn2", new BatchNormalization.Builder().useLogStd(logStd).build(), "dw")
                .addLayer("act2", new ActivationLayer.Builder().activation(new ActivationReLU(6.0, 0.0, 0.0)).build(),
                        "bn2")
                .setOutputs("act2")
                .setInputTypes(InputType.convolutional(9, 9, 3, format))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        Nd4j.getRandom().setSeed(seed);
        for (String name : List.of("conv", "dw")) {
            graph.getLayer(name).paramTable().forEach((key, value) -> value.assign(Nd4j.randn(DataType.FLOAT,
                    value.shape())));
        }
        for (String name : List.of("bn", "bn2")) {
            var bn = graph.getLayer(name);
            long c = bn.getParam(BatchNormalizationParamInitializer.GAMMA).length();
            bn.getParam(BatchNormalizationParamInitializer.GAMMA).assign(Nd4j.rand(DataType.FLOAT, 1, c).addi(0.5));
            bn.getParam(BatchNormalizationParamInitializer.BETA).assign(Nd4j.randn(DataType.FLOAT, 1, c));
            bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).assign(Nd4j.randn(DataType.FLOAT, 1, c));
            if (logStd) {
                bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)
                        .assign(Nd4j.rand(DataType.FLOAT, 1, c).subi(0.5).muli(0.6));
            } else {
                bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR)
                        .assign(Nd4j.rand(DataType.FLOAT, 1, c).muli(1.5).addi(0.25));
            }
        }
        return graph;
    }

    private static INDArray input(CNN2DFormat format, long seed) {
        Nd4j.getRandom().setSeed(seed + 1);
        return format == CNN2DFormat.NCHW ? Nd4j.randn(DataType.FLOAT, 4, 3, 9, 9) : Nd4j.randn(DataType.FLOAT, 4, 9, 9, 3);
    }

    private static double maxRelativeDifference(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        return expected.sub(actual).amaxNumber().doubleValue() / scale;
    }

    @ParameterizedTest(name = "{0}, bias {1}, {2}, log std {3}")
    @MethodSource("cases")
    void foldingAndFusingGiveDl4jsOutput(CNN2DFormat format, boolean bias, IActivation activation, boolean logStd) {
        ComputationGraph graph = network(format, bias, activation, logStd, 11);
        INDArray x = input(format, 11);
        INDArray expected = graph.outputSingle(x.dup());

        InferencePlan.Result plan = InferencePlan.apply(graph, InferencePlan.Options.ALL);
        INDArray rewritten = run(plan, x);

        assertEquals(format == CNN2DFormat.NHWC, plan.channelsFirst());
        assertEquals(List.of("bn", "bn2"), plan.foldedBatchNorms());
        assertEquals(List.of("act", "act2"), plan.fusedActivations());
        assertEquals(List.of("conv", "dw"), List.copyOf(plan.graph().getConfiguration().getVertices().keySet()));
        assertTrue(maxRelativeDifference(expected, rewritten) < 1e-5,
                "max relative difference " + maxRelativeDifference(expected, rewritten));

        OneDnnConvolutions.installHelpers(graph);
        OneDnnConvolutions.installHelpers(plan.graph());
        assertTrue(maxRelativeDifference(graph.outputSingle(x.dup()), run(plan, x)) < 1e-5,
                "with the oneDNN helpers");
    }

    /** @return the rewritten graph's output for an input of the original layout, in the original layout */
    private static INDArray run(InferencePlan.Result plan, INDArray x) {
        if (!plan.channelsFirst()) {
            return plan.graph().outputSingle(x.dup());
        }
        INDArray out = plan.graph().outputSingle(x.permute(0, 3, 1, 2).dup());
        return out.rank() == 4 ? out.permute(0, 2, 3, 1) : out;
    }

    @Test
    void eachRewriteCanBeTurnedOffAndNoneLeavesTheGraphAsItIs() {
        ComputationGraph graph = network(CNN2DFormat.NHWC, false, new ActivationReLU(), false, 3);
        INDArray x = input(CNN2DFormat.NHWC, 3);
        INDArray expected = graph.outputSingle(x.dup());

        InferencePlan.Result foldOnly = InferencePlan.apply(graph, new InferencePlan.Options(true, false, false));
        InferencePlan.Result fuseOnly = InferencePlan.apply(graph, new InferencePlan.Options(false, true, false));

        assertEquals(2, foldOnly.foldedBatchNorms().size());
        assertEquals(0, foldOnly.fusedActivations().size(), "activations follow the folded convolutions");
        assertTrue(maxRelativeDifference(expected, foldOnly.graph().outputSingle(x.dup())) < 1e-5);
        assertEquals(0, fuseOnly.fusedActivations().size(), "with batch normalisation between, nothing fuses");
        assertSame(graph, fuseOnly.graph());
        assertSame(graph, InferencePlan.apply(graph, InferencePlan.Options.NONE).graph());
    }

    @Test
    void aReluCappedAtSixBecomesOnePassReluSixAndOtherActivationsStay() {
        ComputationGraph graph = network(CNN2DFormat.NCHW, true, Activation.SIGMOID.getActivationFunction(), false, 5);

        ComputationGraph rewritten = InferencePlan.apply(graph, InferencePlan.Options.ALL).graph();

        assertEquals(Activation.SIGMOID.getActivationFunction(),
                ((ConvolutionLayer) rewritten.getLayer("conv").conf().getLayer()).getActivationFn());
        assertTrue(((ConvolutionLayer) rewritten.getLayer("dw").conf().getLayer()).getActivationFn()
                instanceof ActivationReLU6);
    }

    @Test
    void aConvolutionReadByTwoVerticesIsNotFoldedAndMergeAxesSurvive() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).hasBias(false)
                        .dataFormat(CNN2DFormat.NHWC).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .addLayer("other", new ConvolutionLayer.Builder(1, 1).nOut(2).dataFormat(CNN2DFormat.NHWC)
                        .activation(Activation.IDENTITY).build(), "conv")
                .addLayer("conv2", new ConvolutionLayer.Builder(1, 1).nOut(3).hasBias(false)
                        .dataFormat(CNN2DFormat.NHWC).activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn2", new BatchNormalization.Builder().build(), "conv2")
                .addVertex("merge", new MergeVertex(), "bn", "other", "bn2")
                .setOutputs("merge")
                .setInputTypes(InputType.convolutional(5, 5, 3, CNN2DFormat.NHWC))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        graph.getLayer("bn2").getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).assign(0.5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, 5, 5, 3);

        InferencePlan.Result plan = InferencePlan.apply(graph, InferencePlan.Options.ALL);

        assertEquals(List.of("bn2"), plan.foldedBatchNorms(), "conv also feeds 'other': its normalisation stays");
        INDArray expected = graph.outputSingle(x.dup());
        assertEquals(9, expected.size(3), "merged on the channel axis of NHWC");
        assertTrue(maxRelativeDifference(expected, run(plan, x)) < 1e-5);
    }

    @Test
    void aChannelsLastGraphRunsChannelsFirstWithTheSameOutputs() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in")
                .addLayer("pad", new ZeroPaddingLayer.Builder(0, 1, 0, 1).dataFormat(CNN2DFormat.NHWC).build(), "in")
                .addLayer("a", new ConvolutionLayer.Builder(3, 3).nOut(4).stride(2, 2).dataFormat(CNN2DFormat.NHWC)
                        .activation(Activation.RELU).build(), "pad")
                .addLayer("b", new DepthwiseConvolution2D.Builder(3, 3).depthMultiplier(1)
                        .dataFormat(CNN2DFormat.NHWC).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.IDENTITY).build(), "a")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "a", "b")
                .addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).dataFormat(CNN2DFormat.NHWC).build(), "sum")
                .addLayer("c", new ConvolutionLayer.Builder(1, 1).nOut(3).dataFormat(CNN2DFormat.NHWC)
                        .activation(Activation.IDENTITY).build(), "pool")
                .addVertex("merge", new MergeVertex(), "pool", "c")
                .addLayer("avg", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2)
                        .stride(2, 2).dataFormat(CNN2DFormat.NHWC).build(), "merge")
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build(), "avg")
                .addLayer("out", new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(9, 9, 2, CNN2DFormat.NHWC))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 9, 9, 2);
        INDArray expected = graph.outputSingle(x.dup());

        InferencePlan.Result plan = InferencePlan.apply(graph, new InferencePlan.Options(false, false, true));

        assertTrue(plan.channelsFirst());
        assertTrue(maxRelativeDifference(expected, plan.graph().outputSingle(x.permute(0, 3, 1, 2).dup())) < 1e-5);
        assertEquals(1, ((MergeVertex) plan.graph().getConfiguration().getVertices().get("merge")).getMergeAxis());
    }

    @Test
    void aGraphWithALayerOfUnknownLayoutKeepsItsLayout() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in")
                .addLayer("a", new ConvolutionLayer.Builder(3, 3).nOut(4).dataFormat(CNN2DFormat.NHWC).build(), "in")
                .addLayer("up", new Upsampling2D.Builder(2).dataFormat(CNN2DFormat.NHWC).build(), "a")
                .setOutputs("up")
                .setInputTypes(InputType.convolutional(6, 6, 1, CNN2DFormat.NHWC))
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();

        InferencePlan.Result plan = InferencePlan.apply(graph, InferencePlan.Options.ALL);

        assertFalse(plan.channelsFirst());
        assertSame(graph, plan.graph());
    }
}
