package dev.limelight.studies.calibration;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.image.RasterImage;
import dev.limelight.models.fashion.FashionMnist;
import dev.limelight.training.fit.TrainingImages;
import java.util.ArrayList;
import java.util.List;

/** Fashion-MNIST images by index as a labelled image set, for the calibration studies. */
final class FashionImages {

    private FashionImages() {
    }

    /**
     * @param data    the data set
     * @param indices the images wanted
     * @return them, with their labels, named {@code fashion-mnist/INDEX}
     */
    static TrainingImages of(FashionMnist data, int[] indices) {
        List<TrainingImages.Example> examples = new ArrayList<>(indices.length);
        for (int i : indices) {
            float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
            data.copyPixels(i, pixels, 0);
            examples.add(new TrainingImages.Example("fashion-mnist/" + i,
                    new RasterImage(FashionMnist.SIZE, FashionMnist.SIZE, 1, pixels), FashionMnist.SIZE,
                    FashionMnist.SIZE, data.label(i)));
        }
        return new TrainingImages(FashionMnist.CLASS_NAMES, new ImageInput(FashionMnist.SIZE, FashionMnist.SIZE, 1,
                ImageLayout.NCHW), examples);
    }
}
