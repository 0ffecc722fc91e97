package dev.limelight.models.fashion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Fashion-MNIST images with their labels, as read from a directory holding {@code images-idx.gz}
 * and {@code labels-idx.gz} (the shared data's copy: 70,000 28 x 28 grayscale images, 7,000 per
 * class, stored grouped by class, so they must be shuffled before any split).
 */
public final class FashionMnist {

    /** The ten classes, in label order (Xiao, Rasul, Vollgraf 2017). */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Image height and width: 28. */
    public static final int SIZE = 28;

    private final IdxFiles.Images images;
    private final byte[] labels;

    /**
     * @param images 28 x 28 images
     * @param labels one label 0..9 per image
     * @throws IllegalArgumentException if sizes, counts or labels do not fit
     */
    public FashionMnist(IdxFiles.Images images, byte[] labels) {
        if (images.rows() != SIZE || images.cols() != SIZE) {
            throw new IllegalArgumentException("Fashion-MNIST images are 28 x 28, got " + images.rows() + " x "
                    + images.cols());
        }
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASS_NAMES.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not 0..9");
            }
        }
        this.images = images;
        this.labels = labels.clone();
    }

    /**
     * @param dir a directory holding images-idx.gz and labels-idx.gz
     * @return the data set
     * @throws IOException if a file cannot be read
     */
    public static FashionMnist read(Path dir) throws IOException {
        return new FashionMnist(IdxFiles.readImages(dir.resolve("images-idx.gz")),
                IdxFiles.readLabels(dir.resolve("labels-idx.gz")));
    }

    /** @return the number of images */
    public int count() {
        return labels.length;
    }

    /** @return the label 0..9 of image i */
    public int label(int i) {
        return labels[i];
    }

    /** @return the images */
    public IdxFiles.Images images() {
        return images;
    }

    /**
     * Writes image i's pixels, as floats in [0, 255], into {@code target} at {@code offset}
     * (row-major, 784 values: one NCHW 1 x 28 x 28 image).
     */
    public void copyPixels(int i, float[] target, int offset) {
        byte[] pixels = images.pixels();
        int from = i * SIZE * SIZE;
        for (int p = 0; p < SIZE * SIZE; p++) {
            target[offset + p] = pixels[from + p] & 0xff;
        }
    }

    /**
     * Shuffles the image indices with a seeded Fisher-Yates shuffle and cuts them into training,
     * validation and test parts: the test part is the last {@code testCount} indices, the
     * validation part the {@code validationCount} before it, the training part the rest.
     *
     * @param seed            the shuffle's seed
     * @param validationCount images held out for calibration and model selection
     * @param testCount       images held out for the final accuracy
     * @return the split
     * @throws IllegalArgumentException if the held-out parts leave no training image
     */
    public Split split(long seed, int validationCount, int testCount) {
        if (validationCount < 0 || testCount < 1 || validationCount + testCount >= count()) {
            throw new IllegalArgumentException("cannot hold out " + validationCount + " + " + testCount + " of "
                    + count() + " images");
        }
        int[] order = new int[count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int trainCount = count() - validationCount - testCount;
        int[] train = java.util.Arrays.copyOfRange(order, 0, trainCount);
        int[] validation = java.util.Arrays.copyOfRange(order, trainCount, trainCount + validationCount);
        int[] test = java.util.Arrays.copyOfRange(order, trainCount + validationCount, order.length);
        return new Split(train, validation, test);
    }

    /**
     * Indices of the training, validation and test images.
     *
     * @param train      images to train on
     * @param validation images to calibrate on
     * @param test       images to measure accuracy on
     */
    public record Split(int[] train, int[] validation, int[] test) {
    }
}
