package dev.limelight.check;

import dev.limelight.audit.Preview;
import dev.limelight.image.RasterImage;
import java.util.Objects;

/**
 * An image a verdict rests on, as the report shows it: the original beside what the check made of
 * it (the transformed image, or the explanation's heat map), each with a caption such as the
 * prediction and its probability.
 *
 * @param path            the image's path relative to the data folder
 * @param original        the original as PNG bytes, at most {@link #SIDE} pixels on its longest side
 * @param originalCaption what the model said of the original
 * @param changed         the transformed image or the explanation, PNG bytes
 * @param changedCaption  what the model said of it, or what it shows
 */
public record Evidence(String path, byte[] original, String originalCaption, byte[] changed, String changedCaption) {

    /** The longest side of an evidence image, in pixels. */
    public static final int SIDE = 160;

    /** The most evidence images a check keeps. */
    public static final int KEPT = 8;

    /** Copies the bytes. */
    public Evidence {
        Objects.requireNonNull(path, "path");
        original = original.clone();
        changed = changed.clone();
    }

    /** @return evidence of two images, shrunk to {@link #SIDE} */
    public static Evidence of(String path, RasterImage original, String originalCaption, RasterImage changed,
                              String changedCaption) {
        return new Evidence(path, Preview.png(original, SIDE), originalCaption, Preview.png(changed, SIDE),
                changedCaption);
    }

    @Override
    public byte[] original() {
        return original.clone();
    }

    @Override
    public byte[] changed() {
        return changed.clone();
    }
}
