package dev.limelight.models;

import dev.limelight.core.ImageLayout;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The named input preprocessing presets: how pixel values in [0, 255], RGB order (what the
 * explainers produce), become what a network was trained on. They are those of Keras'
 * {@code imagenet_utils.preprocess_input} modes, plus {@link #UNIT} and {@link #NONE}:
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>preset</th><th>name</th><th>transform</th><th>typical models</th></tr>
 *   <tr><td>{@link #UNIT}</td><td>{@code unit}</td><td>x / 255, to [0, 1]</td>
 *       <td>most hand-trained models; the nsfwjs models; the bundled Fashion-MNIST CNN</td></tr>
 *   <tr><td>{@link #INCEPTION}</td><td>{@code inception}</td><td>x / 127.5 - 1, to [-1, 1]
 *       (Keras mode {@code tf})</td><td>Keras InceptionV3, Xception, MobileNet(V2)</td></tr>
 *   <tr><td>{@link #CAFFE}</td><td>{@code caffe}</td><td>RGB to BGR, then minus the ImageNet
 *       means 103.939, 116.779, 123.68 (B, G, R); no scaling</td><td>Keras VGG16/19, ResNet50</td></tr>
 *   <tr><td>{@link #NONE}</td><td>{@code none}</td><td>unchanged, [0, 255]</td>
 *       <td>models that normalise inside the network</td></tr>
 * </table>
 *
 * <p>Each preset works in place on the batch with ND4J operations only (no Java loop over pixels),
 * so it runs unchanged on the CUDA backend. Resizing is not a preprocessing step here: the explainer
 * resizes a photo to the model's {@code input()} size once, before segmenting it.
 */
public enum Preprocessing {

    /** x / 255: [0, 255] to [0, 1]. */
    UNIT("unit", "x / 255") {
        @Override
        void transform(INDArray batch, ImageLayout layout) {
            batch.divi(255.0);
        }
    },

    /** x / 127.5 - 1: [0, 255] to [-1, 1] (Keras' {@code tf} mode). */
    INCEPTION("inception", "x / 127.5 - 1") {
        @Override
        void transform(INDArray batch, ImageLayout layout) {
            batch.divi(127.5).subi(1.0);
        }
    },

    /**
     * Keras' {@code caffe} mode: channels reversed (RGB to BGR), then the ImageNet channel means
     * {@link #CAFFE_BGR_MEANS} subtracted, values not scaled. Needs 3 channels.
     */
    CAFFE("caffe", "RGB to BGR, minus the ImageNet BGR means 103.939, 116.779, 123.68") {
        @Override
        void transform(INDArray batch, ImageLayout layout) {
            int axis = channelAxis(layout);
            if (batch.size(axis) != 3) {
                throw new IllegalArgumentException("the caffe preset needs 3 (RGB) channels, the batch has "
                        + batch.size(axis));
            }
            INDArray first = channel(batch, layout, 0);
            INDArray third = channel(batch, layout, 2);
            INDArray red = first.dup();
            first.assign(third);
            third.assign(red);
            for (int c = 0; c < 3; c++) {
                channel(batch, layout, c).subi(CAFFE_BGR_MEANS[c]);
            }
        }
    },

    /** Values passed on unchanged, in [0, 255]. */
    NONE("none", "unchanged") {
        @Override
        void transform(INDArray batch, ImageLayout layout) {
            // nothing to do
        }
    };

    private static final double[] CAFFE_BGR_MEANS = {103.939, 116.779, 123.68};

    /** The ImageNet channel means {@link #CAFFE} subtracts, in B, G, R order. */
    public static double[] caffeBgrMeans() {
        return CAFFE_BGR_MEANS.clone();
    }

    private final String id;
    private final String formula;

    Preprocessing(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    /** @return the preset's name as written on a command line or in a model card: unit, inception, caffe, none */
    public String id() {
        return id;
    }

    /** @return what the preset does, in words */
    public String formula() {
        return formula;
    }

    /**
     * Preprocesses a batch in place.
     *
     * @param batch  a floating-point batch, values in [0, 255], RGB order; overwritten
     * @param layout its layout (tells {@link #CAFFE} where the channels are)
     * @return {@code batch}
     * @throws IllegalArgumentException if the batch is not of rank 4 and a floating-point type, or
     *                                  {@link #CAFFE} gets other than 3 channels
     */
    public INDArray applyInPlace(INDArray batch, ImageLayout layout) {
        if (batch.rank() != 4) {
            throw new IllegalArgumentException("a batch of images has rank 4, got shape "
                    + Arrays.toString(batch.shape()));
        }
        if (!batch.dataType().isFPType()) {
            throw new IllegalArgumentException("a batch of images must hold floating-point values, got "
                    + batch.dataType());
        }
        transform(batch, layout);
        return batch;
    }

    /**
     * Whether the preset can preprocess images with {@code channels} channels.
     *
     * @param channels 1 or 3
     * @return false only for {@link #CAFFE} with other than 3 channels
     */
    public boolean accepts(int channels) {
        return this != CAFFE || channels == 3;
    }

    abstract void transform(INDArray batch, ImageLayout layout);

    /**
     * Finds a preset by name, ignoring case.
     *
     * @param name unit, inception, caffe or none
     * @return the preset
     * @throws IllegalArgumentException listing the names if none matches
     */
    public static Preprocessing byName(String name) {
        for (Preprocessing p : values()) {
            if (p.id.equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preprocessing '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Preprocessing::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }

    private static int channelAxis(ImageLayout layout) {
        return layout == ImageLayout.NCHW ? 1 : 3;
    }

    private static INDArray channel(INDArray batch, ImageLayout layout, int c) {
        INDArrayIndex all = NDArrayIndex.all();
        return layout == ImageLayout.NCHW
                ? batch.get(all, NDArrayIndex.point(c), all, all)
                : batch.get(all, all, all, NDArrayIndex.point(c));
    }
}
