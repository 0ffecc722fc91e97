package dev.limelight.audit;

import dev.limelight.models.ImageModels;
import dev.limelight.models.ModelOptions;
import dev.limelight.models.NetworkImageClassifier;
import dev.limelight.models.Preprocessing;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The husky-vs-wolf situation in miniature, as a test fixture (shared with the Spark audit's tests
 * through this module's test jar): a real DL4J CNN trained on 28 x 28 gray images where a bright
 * corner patch always comes with class "patched" (the class's own faint vertical stripes are the real
 * signal), and a labelled folder of fresh images of both classes.
 */
public final class PlantedCue {

    /** Image side in pixels. */
    public static final int SIZE = 28;
    /** The classes: 0 plain, 1 patched. */
    public static final List<String> CLASSES = List.of("plain", "patched");
    /** How the model reads its input. */
    public static final ModelOptions MODEL_OPTIONS = ModelOptions.builder().preprocessing(Preprocessing.UNIT)
            .inputSize(SIZE, SIZE).classNames(CLASSES).name("planted-cue cnn").build();

    private PlantedCue() {
    }

    static float[] image(SplittableRandom random, boolean patched) {
        return image(random, patched, patched);
    }

    static float[] image(SplittableRandom random, boolean patched, boolean withPatch) {
        float[] pixels = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double stripes = patched ? 25 * Math.sin(x * 1.4) : 25 * Math.sin(y * 1.4);
                pixels[y * SIZE + x] = (float) Math.max(0, Math.min(255, 100 + stripes + 40 * random.nextGaussian()));
            }
        }
        if (withPatch) {
            for (int y = 1; y < 6; y++) {
                for (int x = 1; x < 6; x++) {
                    pixels[y * SIZE + x] = 255;
                }
            }
        }
        return pixels;
    }

    /** Trains the CNN (1200 images, 4 epochs, seeded: a few seconds). */
    public static MultiLayerNetwork train() {
        return train(true);
    }

    /**
     * Trains the CNN with the cue, or the control: the same network and images with no patch, so
     * that only the stripes tell the classes apart.
     */
    public static MultiLayerNetwork train(boolean withCue) {
        SplittableRandom random = new SplittableRandom(42);
        int n = 1200;
        INDArray features = Nd4j.create(n, 1, SIZE, SIZE);
        INDArray labels = Nd4j.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            boolean patched = i % 2 == 1;
            features.get(NDArrayIndex.point(i)).assign(Nd4j.create(image(random, patched, patched && withCue),
                    new long[] {1, SIZE, SIZE}).div(255));
            labels.putScalar(i, patched ? 1 : 0, 1.0);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(2e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        DataSet all = new DataSet(features, labels);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (DataSet batch : all.batchBy(64)) {
                network.fit(batch);
            }
        }
        return network;
    }

    /** @return the trained network as an image classifier */
    public static NetworkImageClassifier classifier(MultiLayerNetwork network) {
        return ImageModels.wrap(network, MODEL_OPTIONS);
    }

    /** Saves the network as a DL4J zip, as a user's model file would be. */
    public static Path save(MultiLayerNetwork network, Path file) throws IOException {
        ModelSerializer.writeModel(network, file.toFile(), false);
        return file;
    }

    /**
     * Writes {@code count} PNGs, alternating plain and patched, into {@code root/plain} and
     * {@code root/patched}.
     */
    public static Path writeFolder(Path root, int count, long seed) throws IOException {
        for (String c : CLASSES) {
            Files.createDirectories(root.resolve(c));
        }
        SplittableRandom test = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            boolean patched = i % 2 == 1;
            float[] pixels = image(test, patched);
            BufferedImage png = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < pixels.length; p++) {
                png.getRaster().setSample(p % SIZE, p / SIZE, 0, Math.round(pixels[p]));
            }
            ImageIO.write(png, "png", root.resolve(CLASSES.get(patched ? 1 : 0)).resolve(i + ".png").toFile());
        }
        return root;
    }
}
