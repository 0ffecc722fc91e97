package dev.limelight.audit.compare;

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
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Three classes of noisy 20 x 20 stripes (horizontal, vertical, diagonal) and real DL4J CNNs trained
 * on them: the model-diff fixture. {@link #train(int)} can relabel one class's training images as
 * class 0, which breaks that class and only that class.
 */
final class Stripes {

    static final int SIZE = 20;
    static final List<String> CLASSES = List.of("horizontal", "vertical", "diagonal");

    private Stripes() {
    }

    static float[] image(SplittableRandom random, int kind) {
        float[] pixels = new float[SIZE * SIZE];
        double phase = random.nextDouble() * 6;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double t = kind == 0 ? y : kind == 1 ? x : x + y;
                double v = 120 + 60 * Math.sin(t * 1.3 + phase) + 30 * random.nextGaussian();
                pixels[y * SIZE + x] = (float) Math.max(0, Math.min(255, v));
            }
        }
        return pixels;
    }

    /**
     * @param relabelled a class whose training images are all labelled class 0, or -1 for none
     * @return the trained network as a classifier (seeded: the same arguments give the same model)
     */
    static NetworkImageClassifier train(int relabelled) {
        SplittableRandom random = new SplittableRandom(5);
        int n = 900;
        INDArray features = Nd4j.create(n, 1, SIZE, SIZE);
        INDArray labels = Nd4j.zeros(n, 3);
        for (int i = 0; i < n; i++) {
            int kind = i % 3;
            features.get(NDArrayIndex.point(i)).assign(Nd4j.create(image(random, kind), new long[] {1, SIZE, SIZE})
                    .div(255));
            labels.putScalar(i, kind == relabelled ? 0 : kind, 1.0);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(3e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(24).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 1))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        DataSet all = new DataSet(features, labels);
        for (int epoch = 0; epoch < 4; epoch++) {
            for (DataSet batch : all.batchBy(50)) {
                network.fit(batch);
            }
        }
        return ImageModels.wrap(network, ModelOptions.builder().preprocessing(Preprocessing.UNIT)
                .inputSize(SIZE, SIZE).classNames(CLASSES).name(relabelled < 0 ? "clean" : "relabelled").build());
    }

    /** Writes {@code perClass} fresh images of each class into {@code root/CLASS/}. */
    static Path writeFolder(Path root, int perClass, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        for (int kind = 0; kind < 3; kind++) {
            Path dir = Files.createDirectories(root.resolve(CLASSES.get(kind)));
            for (int i = 0; i < perClass; i++) {
                float[] pixels = image(random, kind);
                BufferedImage png = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                for (int p = 0; p < pixels.length; p++) {
                    png.getRaster().setSample(p % SIZE, p / SIZE, 0, Math.round(pixels[p]));
                }
                ImageIO.write(png, "png", dir.resolve(i + ".png").toFile());
            }
        }
        return root;
    }
}
