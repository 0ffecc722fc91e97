package dev.limelight.models;

import java.lang.reflect.Field;
import java.util.Locale;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs the 2D convolutions of a loaded network through oneDNN, as DL4J means to on the CPU backend.
 *
 * <p>DL4J 1.0.0-M2.1 never does: its layers ask for their oneDNN helper only when the system
 * property {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false} (the default is
 * {@code true}), and even then the helper's availability check looks for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved in that release, so the check
 * fails and every convolution goes through im2col and a matrix product. For InceptionV3 most of that
 * time goes to zero-filling the strided im2col buffer: with oneDNN a batch of 16 299 x 299 images
 * scores 3.3 times faster on 2 cores, with outputs equal to 1.2e-7.
 *
 * <p>{@link #install} gives each plain {@link ConvolutionLayer} (not its depthwise, separable,
 * 1D or transposed subclasses, which run their own native ops) DL4J's own
 * {@link MKLDNNConvHelper}, when
 * <ul>
 *   <li>the ND4J backend is the CPU one and its natives were built with oneDNN (the default
 *       {@code onednn-avx2} natives are; {@code -Dnd4j.classifier=linux-x86_64} ones are not),</li>
 *   <li>ND4J allows native helpers ({@code Nd4j.getEnvironment().helpersAllowed()}),</li>
 *   <li>neither {@code -Dlimelight.onednn=false} nor an explicit
 *       {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} turns it off.</li>
 * </ul>
 * Otherwise, or if a layer does not have the expected field, the network is left as it was.
 */
final class OneDnnConvolutions {

    /** System property that turns the oneDNN convolutions off when set to {@code false}. */
    static final String PROPERTY = "limelight.onednn";

    private static final String DL4J_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnnConvolutions() {
    }

    /**
     * Gives the network's plain convolution layers the oneDNN helper when this machine's ND4J can run
     * it and nothing turns it off.
     *
     * @param network a {@code MultiLayerNetwork} or {@code ComputationGraph}
     * @return how many layers now convolve through oneDNN (0 when not available or turned off)
     */
    static int install(Model network) {
        if (!available()) {
            return 0;
        }
        return installHelpers(network);
    }

    /** Whether the ND4J backend in use can run oneDNN convolutions and nothing turns them off. */
    static boolean available() {
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend");
        return wanted(backend, "CPU".equalsIgnoreCase(backend) ? buildInfo() : "",
                Nd4j.getEnvironment().helpersAllowed(), System.getProperty(PROPERTY),
                System.getProperty(DL4J_DISABLE_PROPERTY));
    }

    /**
     * The decision, apart from where its inputs come from.
     *
     * @param backend        ND4J's backend name ("CPU", "CUDA")
     * @param buildInfo      the natives' build information
     * @param helpersAllowed whether ND4J allows native helpers
     * @param property       the value of {@value #PROPERTY}, or null
     * @param dl4jDisable    the value of DL4J's helper switch, or null when not set
     * @return whether to install the oneDNN helpers
     */
    static boolean wanted(String backend, String buildInfo, boolean helpersAllowed, String property,
            String dl4jDisable) {
        if (property != null && property.trim().toLowerCase(Locale.ROOT).equals("false")) {
            return false;
        }
        if (dl4jDisable != null && dl4jDisable.trim().toLowerCase(Locale.ROOT).equals("true")) {
            return false;
        }
        return "CPU".equalsIgnoreCase(backend) && buildInfo.contains("HAVE_ONEDNN") && helpersAllowed;
    }

    /** Sets the helper on every plain convolution layer; returns how many were set. */
    static int installHelpers(Model network) {
        Layer[] layers = network instanceof ComputationGraph graph ? graph.getLayers()
                : network instanceof MultiLayerNetwork net ? net.getLayers() : new Layer[0];
        Field helper;
        try {
            helper = ConvolutionLayer.class.getDeclaredField("helper");
            helper.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0; // another DL4J version: keep its own convolution path
        }
        int installed = 0;
        for (Layer layer : layers) {
            if (layer.getClass() != ConvolutionLayer.class || ((ConvolutionLayer) layer).getHelper() != null) {
                continue;
            }
            try {
                helper.set(layer, new MKLDNNConvHelper(DataType.FLOAT));
                installed++;
            } catch (IllegalAccessException e) {
                return installed;
            }
        }
        return installed;
    }

    private static String buildInfo() {
        try {
            return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }
}
