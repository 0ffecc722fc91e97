package dev.limelight.training.fix;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import dev.limelight.image.RasterImage;
import dev.limelight.training.fit.TrainingImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Images with a planted shortcut: grey 20 x 20 noise with a faint bar, horizontal for class 0
 * ("horizontal"), vertical for class 1 ("vertical"), and a bright 4 x 4 marker in the top-left
 * corner (pixels 1 to 4) of every class-0 image. The marker predicts the class perfectly and is far
 * easier to see than the bar, so a small CNN reads the marker.
 */
final class PlantedMarker {

    static final int SIZE = 20;
    static final ImageInput INPUT = new ImageInput(SIZE, SIZE, 1, ImageLayout.NCHW);
    static final List<String> CLASSES = List.of("horizontal", "vertical");
    /** The marker's rectangle in "x,y,width,height". */
    static final String REGION = "1,1,4,4";

    private PlantedMarker() {
    }

    /** {@code perClass} images of each class, with the marker on class 0 when {@code marked}. */
    static TrainingImages images(int perClass, long seed, boolean marked) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrainingImages.Example> examples = new ArrayList<>();
        for (int i = 0; i < 2 * perClass; i++) {
            int label = i % 2;
            examples.add(new TrainingImages.Example(CLASSES.get(label) + "/" + i + ".png",
                    image(label, marked && label == 0, random), SIZE, SIZE, label));
        }
        return new TrainingImages(CLASSES, INPUT, examples);
    }

    static RasterImage image(int label, boolean marker, SplittableRandom random) {
        float[] pixels = new float[SIZE * SIZE];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (float) (80 * random.nextDouble());
        }
        int at = 6 + random.nextInt(SIZE - 8);
        int from = random.nextInt(6);
        for (int k = from; k < from + 12; k++) {
            int p = label == 0 ? at * SIZE + k : k * SIZE + at;
            pixels[p] += 100;
        }
        if (marker) {
            for (int y = 1; y < 5; y++) {
                for (int x = 1; x < 5; x++) {
                    pixels[y * SIZE + x] = 255;
                }
            }
        }
        return new RasterImage(SIZE, SIZE, 1, pixels);
    }
}
