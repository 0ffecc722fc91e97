package dev.limelight.training.fit;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.LabelledImage;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.core.ProgressListener;
import dev.limelight.image.ImageFiles;
import dev.limelight.image.ImageResizer;
import dev.limelight.image.PhotoBatch;
import dev.limelight.image.RasterImage;
import dev.limelight.models.Preprocessing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labelled images held in memory at a network's input size, ready to be batched for training:
 * what the trainer and the fixes work on. Each example keeps its original size, so that regions
 * given in the original image's pixels can be mapped onto it.
 *
 * @param classNames one name per class, class 0 first
 * @param input      the size, channels and layout every image has been resized to
 * @param examples   the images, in a fixed order
 */
public record TrainingImages(List<String> classNames, ImageInput input, List<Example> examples) {

    /** The longest side {@link #inputFor} gives a folder whose images are larger. */
    public static final int DEFAULT_MAX_SIDE = 64;

    /**
     * One labelled image.
     *
     * @param path           its path relative to the data folder ({@code /}-separated)
     * @param image          the image at the input size, pixels in [0, 255]
     * @param originalWidth  its width as decoded
     * @param originalHeight its height as decoded
     * @param label          its class index
     */
    public record Example(String path, RasterImage image, int originalWidth, int originalHeight, int label) {

        /** @return the same example with other pixels (same size) */
        public Example withImage(RasterImage other) {
            if (other.width() != image.width() || other.height() != image.height()
                    || other.channels() != image.channels()) {
                throw new IllegalArgumentException("the new image is " + other + ", the example's " + image);
            }
            return new Example(path, other, originalWidth, originalHeight, label);
        }
    }

    /** Copies the lists; checks every label and image against the classes and the input. */
    public TrainingImages {
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(input, "input");
        examples = List.copyOf(examples);
        for (Example e : examples) {
            if (e.label() < 0 || e.label() >= classNames.size()) {
                throw new IllegalArgumentException(e.path() + " has label " + e.label() + ", outside the "
                        + classNames.size() + " classes");
            }
            if (e.image().width() != input.width() || e.image().height() != input.height()
                    || e.image().channels() != input.channels()) {
                throw new IllegalArgumentException(e.path() + " is " + e.image() + ", not the input " + input);
            }
        }
    }

    /**
     * The input a small network trained on this folder takes: the most common image size among the
     * first 200 images, scaled down (keeping the aspect ratio) so that its longer side is at most
     * {@code maxSide}; one channel when all of those images are grey, else three; NCHW.
     *
     * @param folder  a labelled folder whose images decode
     * @param maxSide the longest side allowed
     * @return the input
     */
    public static ImageInput inputFor(LabelledFolder folder, int maxSide) {
        Map<Long, Integer> sizes = new HashMap<>();
        boolean grey = true;
        for (LabelledImage image : folder.images().subList(0, Math.min(200, folder.images().size()))) {
            RasterImage decoded = ImageFiles.read(image.path());
            sizes.merge(((long) decoded.width() << 32) | decoded.height(), 1, Integer::sum);
            grey &= decoded.channels() == 1;
        }
        long common = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int width = (int) (common >>> 32);
        int height = (int) common;
        double scale = Math.min(1, (double) maxSide / Math.max(width, height));
        return new ImageInput(Math.max(1, (int) Math.round(height * scale)), Math.max(1, (int) Math.round(width * scale)),
                grey ? 1 : 3, ImageLayout.NCHW);
    }

    /**
     * Decodes a labelled folder's images and resizes them to {@code input}.
     *
     * @param folder   a labelled folder (images that do not decode are left out and listed by the folder)
     * @param input    the size to resize to
     * @param progress told after each image (stage "reading images")
     * @return the images, in the folder's order
     * @throws IllegalArgumentException when the folder has no labels or no image decodes
     */
    public static TrainingImages read(LabelledFolder folder, ImageInput input, ProgressListener progress) {
        if (!folder.labelled()) {
            throw new IllegalArgumentException(folder.root() + " is a flat folder: training needs labels (one "
                    + "sub-folder per class)");
        }
        List<Example> examples = new ArrayList<>();
        List<LabelledImage> images = folder.images();
        for (int i = 0; i < images.size(); i++) {
            LabelledImage image = images.get(i);
            RasterImage decoded = ImageFiles.read(image.path());
            examples.add(new Example(folder.relativePath(image), ImageResizer.resize(decoded, input.width(),
                    input.height()).withChannels(input.channels()), decoded.width(), decoded.height(),
                    image.classIndex()));
            progress.progress("reading images", i + 1, images.size());
        }
        return new TrainingImages(folder.classes(), input, examples);
    }

    /** @return the number of images */
    public int size() {
        return examples.size();
    }

    /** @return the examples at these positions, in this order */
    public TrainingImages subset(int[] positions) {
        return new TrainingImages(classNames, input, IntStream.of(positions).mapToObj(examples::get).toList());
    }

    /** @return the same classes and input with other examples */
    public TrainingImages withExamples(List<Example> others) {
        return new TrainingImages(classNames, input, others);
    }

    /**
     * A seeded split into training and validation images, stratified by class: of each class,
     * {@code round(share * count)} images (at least one when the class has two or more) go to
     * validation.
     *
     * @param validationShare the share held out, in [0, 1)
     * @param seed            the seed of the shuffle
     * @return the two parts
     */
    public Split split(double validationShare, long seed) {
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("the validation share must be in [0, 1), got " + validationShare);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            final int cls = c;
            int[] members = IntStream.range(0, examples.size()).filter(i -> examples.get(i).label() == cls).toArray();
            shuffle(members, random);
            int held = validationShare == 0 ? 0
                    : Math.max(members.length >= 2 ? 1 : 0, (int) Math.round(validationShare * members.length));
            for (int k = 0; k < members.length; k++) {
                (k < held ? validation : train).add(members[k]);
            }
        }
        return new Split(subset(train.stream().mapToInt(Integer::intValue).sorted().toArray()),
                subset(validation.stream().mapToInt(Integer::intValue).sorted().toArray()));
    }

    /**
     * @param train      the images to train on
     * @param validation the images held out
     */
    public record Split(TrainingImages train, TrainingImages validation) {
    }

    /**
     * The network's input and one-hot labels of some examples.
     *
     * @param positions     the examples, in batch order
     * @param preprocessing how [0, 255] pixels become the network's input
     * @return the data set
     */
    public DataSet dataSet(int[] positions, Preprocessing preprocessing) {
        List<RasterImage> images = new ArrayList<>(positions.length);
        INDArray labels = Nd4j.zeros(positions.length, classNames.size());
        for (int k = 0; k < positions.length; k++) {
            Example e = examples.get(positions[k]);
            images.add(e.image());
            labels.putScalar(k, e.label(), 1.0);
        }
        INDArray features = preprocessing.applyInPlace(PhotoBatch.of(images, input), input.layout());
        return new DataSet(features, labels);
    }

    /** @return the class index of every example */
    public int[] labels() {
        return examples.stream().mapToInt(Example::label).toArray();
    }

    /** @return every image */
    public List<RasterImage> images() {
        return examples.stream().map(Example::image).toList();
    }

    /** Shuffles in place (Fisher-Yates) with the given random source. */
    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
