package dev.limelight.studies.training;

import dev.limelight.models.fashion.FashionMnist;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes a labelled folder with a planted watermark: real Fashion-MNIST T-shirts, pullovers and shirts
 * (300 each, every 7th image of the data set in order), a 5 x 5 striped block (white and black rows)
 * in the bottom-right corner of every pullover. The starting point of the train, audit, improve
 * example in docs/guide/improve.md; {@code FromAuditEndToEndTest} builds the same folder.
 *
 * <p>Run: {@code studies/run dev.limelight.studies.training.WatermarkFolder OUT_DIR}.
 */
public final class WatermarkFolder {

    /** The classes used and their folder names. */
    static final Map<Integer, String> CLASSES = Map.of(0, "t-shirt", 2, "pullover", 6, "shirt");
    /** Images per class. */
    static final int PER_CLASS = 300;

    private WatermarkFolder() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "out/watermark");
        FashionMnist fashion = FashionMnist.read(Path.of(System.getProperty("limelight.data.dir"), "fashion-mnist"));
        int[] written = new int[10];
        for (int i = 0; i < fashion.count() && written[0] + written[2] + written[6] < 3 * PER_CLASS; i += 7) {
            int label = fashion.label(i);
            if (!CLASSES.containsKey(label) || written[label] == PER_CLASS) {
                continue;
            }
            float[] pixels = new float[FashionMnist.SIZE * FashionMnist.SIZE];
            fashion.copyPixels(i, pixels, 0);
            BufferedImage image = new BufferedImage(FashionMnist.SIZE, FashionMnist.SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < FashionMnist.SIZE; y++) {
                for (int x = 0; x < FashionMnist.SIZE; x++) {
                    boolean watermark = label == 2 && x >= 22 && x < 27 && y >= 22 && y < 27;
                    image.getRaster().setSample(x, y, 0, watermark ? (y % 2 == 0 ? 255 : 0)
                            : (int) pixels[y * FashionMnist.SIZE + x]);
                }
            }
            Path folder = Files.createDirectories(out.resolve(CLASSES.get(label)));
            ImageIO.write(image, "png", folder.resolve(written[label]++ + ".png").toFile());
        }
        System.out.println("wrote " + 3 * PER_CLASS + " images to " + out + " (the watermark on every pullover)");
    }
}
