package dev.limelight.image.segmentation;

import dev.limelight.image.RasterImage;
import dev.limelight.image.Segmentation;
import dev.limelight.image.Segmenter;

/**
 * A plain grid of about {@code segments} rectangular cells (rows and columns in the image's
 * aspect ratio). Content-blind, instant, and the same for every image of a size: grid cells mean
 * the same region across images, which is what SP-LIME over images needs.
 */
public final class GridSegmenter implements Segmenter {

    private final int segments;

    /** @param segments the cell count aimed at, at least 1 */
    public GridSegmenter(int segments) {
        if (segments < 1) {
            throw new IllegalArgumentException("a grid needs at least 1 cell, got " + segments);
        }
        this.segments = segments;
    }

    @Override
    public Segmentation segment(RasterImage image) {
        int w = image.width();
        int h = image.height();
        int columns = (int) Math.max(1, Math.min(w, Math.round(Math.sqrt((double) segments * w / h))));
        int rows = (int) Math.max(1, Math.min(h, Math.round((double) segments / columns)));
        int[] labels = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = (int) ((long) y * rows / h);
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = row * columns + (int) ((long) x * columns / w);
            }
        }
        return Segmentation.fromLabels(w, h, labels);
    }

    @Override
    public String toString() {
        return "grid(" + segments + ")";
    }
}
