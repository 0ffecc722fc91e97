package dev.limelight.image;

import java.util.Arrays;

/**
 * A superpixel segmentation: every pixel of a {@code width x height} image carries a segment
 * label in {@code 0 .. segmentCount - 1}, and every label is used. (The reference's SLIC
 * labels start at 1, so one of its segments is never hidden; here labels are always compact.)
 */
public final class Segmentation {

    private final int width;
    private final int height;
    private final int segmentCount;
    private final int[] labels;
    private final int[] pixelCounts;

    private Segmentation(int width, int height, int segmentCount, int[] labels, int[] pixelCounts) {
        this.width = width;
        this.height = height;
        this.segmentCount = segmentCount;
        this.labels = labels;
        this.pixelCounts = pixelCounts;
    }

    /**
     * Builds a segmentation from any integer labelling, renumbering the labels in order of first
     * appearance (row by row) to {@code 0 .. S-1}.
     *
     * @param width  columns
     * @param height rows
     * @param labels {@code width * height} labels, row by row (any integers); not modified
     */
    public static Segmentation fromLabels(int width, int height, int[] labels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("segmentation must be at least 1 x 1, got " + width + " x " + height);
        }
        if (labels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " labels, got " + labels.length);
        }
        java.util.HashMap<Integer, Integer> renumber = new java.util.HashMap<>();
        int[] compact = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer next = renumber.get(labels[i]);
            if (next == null) {
                next = renumber.size();
                renumber.put(labels[i], next);
            }
            compact[i] = next;
        }
        int s = renumber.size();
        int[] counts = new int[s];
        for (int label : compact) {
            counts[label]++;
        }
        return new Segmentation(width, height, s, compact, counts);
    }

    /** @return columns */
    public int width() {
        return width;
    }

    /** @return rows */
    public int height() {
        return height;
    }

    /** @return S, the number of segments */
    public int segmentCount() {
        return segmentCount;
    }

    /** @return the segment of pixel ({@code x}, {@code y}) */
    public int label(int x, int y) {
        return labels[y * width + x];
    }

    /** @return a copy of the labels, row by row */
    public int[] labels() {
        return labels.clone();
    }

    /** The backing labels, for this package's loops; never written. */
    int[] labelData() {
        return labels;
    }

    /** @return how many pixels segment {@code s} has */
    public int pixelCount(int s) {
        return pixelCounts[s];
    }

    /** @return whether pixel ({@code x}, {@code y}) touches a pixel of another segment (4-neighbourhood) */
    public boolean isBoundary(int x, int y) {
        int l = label(x, y);
        return (x > 0 && label(x - 1, y) != l) || (x + 1 < width && label(x + 1, y) != l)
                || (y > 0 && label(x, y - 1) != l) || (y + 1 < height && label(x, y + 1) != l);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segmentation other && other.width == width && other.height == height
                && Arrays.equals(other.labels, labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Segmentation[" + width + "x" + height + ", segments=" + segmentCount + "]";
    }
}
