package dev.limelight.benchmarks.spark;

import dev.limelight.models.fashion.FashionMnist;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes Fashion-MNIST test images (the held-out part of the split the bundled CNN was trained on),
 * and training images after them when more are asked for than the test part holds, as a labelled
 * folder for audits: one sub-folder per class, named {@code 0-t-shirt-top} ..
 * {@code 9-ankle-boot} so that their sorted order is the model's class order.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.spark.FashionMnistFolder OUT PER_CLASS}.
 */
public final class FashionMnistFolder {

    private FashionMnistFolder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FashionMnistFolder OUT PER_CLASS");
            System.exit(2);
        }
        Path out = write(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("wrote " + out);
    }

    /** @return the class folder name of class {@code c}, e.g. {@code 0-t-shirt-top} */
    public static String folderName(int c) {
        return c + "-" + FashionMnist.CLASS_NAMES.get(c).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * Writes the first {@code perClass} test images of every class ({@code test-N.png}), then
     * training images ({@code train-N.png}) for a class whose test images run out: up to about 1,000
     * a class are held-out images, the rest images the bundled CNN was trained on.
     *
     * @return {@code out}
     */
    public static Path write(Path out, int perClass) throws IOException {
        FashionMnist data = FashionMnist.read(Path.of(System.getProperty("limelight.data.dir"), "fashion-mnist"));
        FashionMnist.Split split = data.split(42, 5000, 10_000);
        int[] written = new int[FashionMnist.CLASS_NAMES.size()];
        write(data, split.test(), "test", perClass, written, out);
        write(data, split.train(), "train", perClass, written, out);
        return out;
    }

    private static void write(FashionMnist data, int[] indices, String part, int perClass, int[] written, Path out)
            throws IOException {
        float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
        for (int i : indices) {
            int c = data.label(i);
            if (written[c] >= perClass) {
                continue;
            }
            Path dir = Files.createDirectories(out.resolve(folderName(c)));
            data.copyPixels(i, pixels, 0);
            BufferedImage png = new BufferedImage(FashionMnist.SIZE, FashionMnist.SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < pixels.length; p++) {
                png.getRaster().setSample(p % FashionMnist.SIZE, p / FashionMnist.SIZE, 0, Math.round(pixels[p]));
            }
            ImageIO.write(png, "png", dir.resolve(String.format(Locale.ROOT, "%s-%05d.png", part, i)).toFile());
            written[c]++;
        }
    }
}
