package dev.limelight.check;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test models whose answers are known: class "bright" when the mean grey level of what they read is
 * above 128, "dark" otherwise, with a probability that grows with the distance to 128. One reads the
 * whole image (so mirroring it changes nothing), one only its left half, one only its top-left corner.
 */
final class HalfBrightness implements ImageClassifier {

    static final int SIZE = 16;
    static final List<String> CLASSES = List.of("bright", "dark");

    private final int readWidth;
    private final int readHeight;

    private HalfBrightness(int readWidth, int readHeight) {
        this.readWidth = readWidth;
        this.readHeight = readHeight;
    }

    /** @return the model reading the whole image */
    static HalfBrightness whole() {
        return new HalfBrightness(SIZE, SIZE);
    }

    /** @return the model reading the left half */
    static HalfBrightness leftHalf() {
        return new HalfBrightness(SIZE / 2, SIZE);
    }

    /** @return the model reading only the top-left 4 x 4 corner: a shortcut in one grid cell */
    static HalfBrightness corner() {
        return new HalfBrightness(4, 4);
    }

    @Override
    public ImageInput input() {
        return new ImageInput(SIZE, SIZE, 1, ImageLayout.NHWC);
    }

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public INDArray predict(INDArray batch) {
        long n = batch.size(0);
        double[][] out = new double[(int) n][];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (int y = 0; y < readHeight; y++) {
                for (int x = 0; x < readWidth; x++) {
                    sum += batch.getDouble(i, y, x, 0);
                    count++;
                }
            }
            double bright = 1 / (1 + Math.exp(-(sum / count - 128) / 10));
            out[i] = new double[] {bright, 1 - bright};
        }
        return Nd4j.createFromArray(out);
    }

    /**
     * Writes {@code count} images a class: half of them a bright left half and a dark right half
     * (labelled bright), half the reverse (labelled dark); with a little seeded noise.
     */
    static Path writeFolder(Path root, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        for (String c : CLASSES) {
            Files.createDirectories(root.resolve(c));
        }
        for (int i = 0; i < 2 * count; i++) {
            boolean brightLeft = i % 2 == 0;
            BufferedImage png = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean bright = (x < SIZE / 2) == brightLeft;
                    int v = (bright ? 200 : 40) + random.nextInt(11) - 5;
                    png.getRaster().setSample(x, y, 0, v);
                }
            }
            ImageIO.write(png, "png", root.resolve(brightLeft ? "bright" : "dark").resolve(i + ".png").toFile());
        }
        return root;
    }
}
