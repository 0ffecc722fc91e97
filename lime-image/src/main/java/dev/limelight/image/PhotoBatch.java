package dev.limelight.image;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns photos into one model batch, as the explainer prepares its image: resized to the model's
 * input ({@link ImageResizer}), converted to its channel count, values in [0, 255], in its layout.
 * For classifying many photos (audits), not for perturbations.
 */
public final class PhotoBatch {

    private PhotoBatch() {
    }

    /**
     * @param photos at least one photo, any sizes
     * @param input  what the model takes
     * @return a float batch of {@code input.batchShape(photos.size())}
     */
    public static INDArray of(List<RasterImage> photos, ImageInput input) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no photos to batch");
        }
        int h = input.height();
        int w = input.width();
        int c = input.channels();
        int size = h * w * c;
        float[] values = new float[photos.size() * size];
        for (int i = 0; i < photos.size(); i++) {
            float[] hwc = ImageResizer.resize(photos.get(i), w, h).withChannels(c).data();
            if (input.layout() == ImageLayout.NHWC) {
                System.arraycopy(hwc, 0, values, i * size, size);
            } else {
                for (int p = 0; p < h * w; p++) {
                    for (int ch = 0; ch < c; ch++) {
                        values[i * size + ch * h * w + p] = hwc[p * c + ch];
                    }
                }
            }
        }
        return Nd4j.create(values, input.batchShape(photos.size()), 'c').castTo(DataType.FLOAT);
    }
}
