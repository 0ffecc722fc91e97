package dev.limelight.training;

import dev.limelight.image.RasterImage;
import java.util.Objects;

/**
 * One image the listener explains at every checkpoint, with the label to explain and the pixels
 * that should not matter for it.
 *
 * @param name        a name for reports
 * @param image       the image (any size; resized to the model's input like any explained photo)
 * @param label       the class whose explanation is tracked (usually the true class)
 * @param ignoreMask  {@code width * height} flags of the image, row by row: true where the model
 *                    should not look
 */
public record Probe(String name, RasterImage image, int label, boolean[] ignoreMask) {

    /** @throws IllegalArgumentException if the mask does not match the image */
    public Probe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0, got " + label);
        }
        if (ignoreMask == null || ignoreMask.length != image.width() * image.height()) {
            throw new IllegalArgumentException("the mask of probe " + name + " must have one flag per pixel ("
                    + image.width() * image.height() + "), got " + (ignoreMask == null ? "none" : ignoreMask.length));
        }
        ignoreMask = ignoreMask.clone();
    }

    /** A probe whose ignored region is the rectangle [x0, x1) x [y0, y1). */
    public static Probe withIgnoredRectangle(String name, RasterImage image, int label, int x0, int y0, int x1, int y1) {
        boolean[] mask = new boolean[image.width() * image.height()];
        for (int y = Math.max(0, y0); y < Math.min(image.height(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.width(), x1); x++) {
                mask[y * image.width() + x] = true;
            }
        }
        return new Probe(name, image, label, mask);
    }

    /** @return the mask resized (nearest neighbour) to {@code width x height} */
    boolean[] maskAt(int width, int height) {
        boolean[] out = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(image.height() - 1, (int) ((y + 0.5) * image.height() / height));
            for (int x = 0; x < width; x++) {
                int sx = Math.min(image.width() - 1, (int) ((x + 0.5) * image.width() / width));
                out[y * width + x] = ignoreMask[sy * image.width() + sx];
            }
        }
        return out;
    }
}
