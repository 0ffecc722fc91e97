package dev.limelight.models;

import dev.limelight.models.fashion.FashionMnist;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The default model that ships inside the models jar, so that a fresh clone explains something real
 * without any download: a small DL4J CNN trained on Fashion-MNIST by the studies module's
 * {@code FashionMnistTraining} (source {@code models/bundled/} in the repository, with its README:
 * data source and licence, accuracy, how to retrain), and one sample test image per class.
 */
public final class BundledModels {

    /** Class-path folder of the bundled files. */
    public static final String RESOURCE_DIR = "/dev/limelight/models/bundled/";
    /** The bundled model's file name. */
    public static final String MODEL_FILE = "fashion-mnist-cnn.zip";
    /** The reliability diagram's file name, beside the model. */
    public static final String RELIABILITY_FILE = "fashion-mnist-cnn-reliability.png";
    /** The folder of the sample test images, beside the model. */
    public static final String IMAGES_DIR = "images";

    private BundledModels() {
    }

    /**
     * Loads the bundled Fashion-MNIST CNN: input 28 x 28 x 1 NCHW, preset {@code unit}, the ten
     * Fashion-MNIST class names, all from its model card.
     *
     * @return the classifier (uncalibrated; its card holds the fitted temperature)
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static NetworkImageClassifier fashionMnist() {
        String resource = RESOURCE_DIR + MODEL_FILE;
        try (InputStream in = BundledModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the class path");
            }
            Path copy = Files.createTempFile("limelight-fashion-mnist-cnn", ".zip");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return ImageModels.load(copy, ModelOptions.builder().name("fashion-mnist-cnn (bundled)").build());
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model: " + e.getMessage(), e);
        }
    }

    /**
     * @param classIndex a Fashion-MNIST class, 0..9
     * @return the bundled sample test image of that class (28 x 28 grayscale)
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static BufferedImage fashionMnistSample(int classIndex) {
        if (classIndex < 0 || classIndex >= FashionMnist.CLASS_NAMES.size()) {
            throw new IllegalArgumentException("class index must be 0..9, got " + classIndex);
        }
        String resource = RESOURCE_DIR + IMAGES_DIR + "/"
                + sampleImageName(classIndex);
        try (InputStream in = BundledModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the class path");
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled image: " + e.getMessage(), e);
        }
    }

    /** @return the file name of the sample image of class k: "3-dress.png" */
    public static String sampleImageName(int k) {
        return k + "-" + FashionMnist.CLASS_NAMES.get(k).toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + ".png";
    }
}
