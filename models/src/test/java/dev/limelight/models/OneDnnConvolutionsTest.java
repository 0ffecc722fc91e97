package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Loaded networks convolve through oneDNN where the natives have it, with unchanged outputs. */
class OneDnnConvolutionsTest {

    private static final String ONEDNN_BUILD = "HAVE_FLATBUFFERS\nHAVE_ONEDNN\nHAVE_OPENBLAS";

    @Test
    void installsOnTheCpuBackendWhenTheNativesHaveOneDnnAndHelpersAreAllowed() {
        assertTrue(OneDnnConvolutions.wanted("CPU", ONEDNN_BUILD, true, null, null));
        assertTrue(OneDnnConvolutions.wanted("CPU", ONEDNN_BUILD, true, "true", "false"));
    }

    @Test
    void leavesTheNetworkAloneOtherwise() {
        assertFalse(OneDnnConvolutions.wanted("CUDA", ONEDNN_BUILD, true, null, null), "CUDA has cuDNN");
        assertFalse(OneDnnConvolutions.wanted("CPU", "HAVE_OPENBLAS", true, null, null), "plain natives");
        assertFalse(OneDnnConvolutions.wanted("CPU", ONEDNN_BUILD, false, null, null), "helpers not allowed");
        assertFalse(OneDnnConvolutions.wanted("CPU", ONEDNN_BUILD, true, "false", null), "-Dlimelight.onednn=false");
        assertFalse(OneDnnConvolutions.wanted("CPU", ONEDNN_BUILD, true, " FALSE ", null), "case and spaces");
        assertFalse(OneDnnConvolutions.wanted("CPU", ONEDNN_BUILD, true, null, "true"),
                "DL4J's own switch set to disable helpers");
    }

    @Test
    void aLoadedModelFileConvolvesThroughOneDnn(@TempDir Path dir) throws Exception {
        assumeTrue(OneDnnConvolutions.available(), "these ND4J natives have no oneDNN (or it is turned off)");
        LoadedNetwork loaded = ImageModels.loadNetwork(Dl4jFixtures.writeTinyCnnZip(dir.resolve("tiny.zip")));

        int convolutions = 0;
        for (Layer layer : ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) loaded.network()).getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer conv) {
                assertInstanceOf(MKLDNNConvHelper.class, conv.getHelper(), layer.toString());
                convolutions++;
            }
        }
        assertEquals(1, convolutions);
    }

    @Test
    void oneDnnGivesTheOutputsOfDl4jsOwnConvolutionsInEveryPaddingModeAndLayout() {
        assumeTrue(OneDnnConvolutions.available(), "these ND4J natives have no oneDNN (or it is turned off)");
        for (CNN2DFormat format : CNN2DFormat.values()) {
            ComputationGraph plain = mixedConvolutions(format);
            ComputationGraph fast = mixedConvolutions(format);
            Nd4j.getRandom().setSeed(3);
            INDArray batch = format == CNN2DFormat.NHWC ? Nd4j.rand(DataType.FLOAT, 5, 17, 15, 3)
                    : Nd4j.rand(DataType.FLOAT, 5, 3, 17, 15);
            INDArray expected = plain.outputSingle(batch.dup());

            int installed = OneDnnConvolutions.installHelpers(fast);

            assertEquals(3, installed, "the three plain convolutions, not the depthwise one");
            INDArray actual = fast.outputSingle(batch.dup());
            assertTrue(expected.equalsWithEps(actual, 1e-5), format + ": " + expected + " vs " + actual);
            assertNull(depthwiseHelper(fast), "depthwise convolution keeps its own native op");
        }
    }

    @Test
    void installingTwiceChangesNothing() {
        assumeTrue(OneDnnConvolutions.available(), "these ND4J natives have no oneDNN (or it is turned off)");
        ComputationGraph graph = mixedConvolutions(CNN2DFormat.NCHW);

        assertEquals(3, OneDnnConvolutions.installHelpers(graph));
        assertEquals(0, OneDnnConvolutions.installHelpers(graph));
    }

    /**
     * Same-mode stride 2 (asymmetric padding), truncate with explicit padding, a 1x1 without bias, and
     * a depthwise convolution, as in InceptionV3 and MobileNetV2.
     */
    private static ComputationGraph mixedConvolutions(CNN2DFormat format) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5)
                .weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional(17, 15, 3, format))
                .addLayer("same", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(8)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).dataFormat(format)
                        .build(), "image")
                .addLayer("padded", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(6)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.TANH).dataFormat(format)
                        .build(), "same")
                .addLayer("depthwise", new DepthwiseConvolution2D.Builder(3, 3).depthMultiplier(1)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).dataFormat(format)
                        .build(), "padded")
                .addLayer("pointwise", new ConvolutionLayer.Builder(1, 1).nOut(5).hasBias(false)
                        .activation(Activation.IDENTITY).dataFormat(format).build(), "depthwise")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "pointwise")
                .addLayer("scores", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("scores")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static Object depthwiseHelper(ComputationGraph graph) {
        return ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) graph.getLayer("depthwise")).getHelper();
    }
}
