package dev.limelight.audit;

import dev.limelight.image.ImageResizer;
import dev.limelight.image.RasterImage;

/**
 * A tiny grey copy of an image for finding near-duplicates: 16 x 16 grey levels (0..255, area
 * filtered) and a 64-bit difference hash (dHash: whether each of 8 x 8 cells of a 9 x 8 copy of those
 * 16 x 16 is brighter than its right neighbour). Two images are near-duplicates when their hashes differ in at
 * most {@link #HASH_CANDIDATE_BITS} bits (a cheap pre-filter) and their thumbnails differ by at most
 * {@link #DUPLICATE_RMS} grey levels (root mean square): resizing, re-encoding and small edits stay
 * within both; different photos of similar things do not.
 *
 * @param grey 256 grey levels, row by row
 * @param hash the difference hash
 */
public record Thumbnail(float[] grey, long hash) {

    /** Side of the grey thumbnail. */
    public static final int SIDE = 16;

    /** Hashes that differ in more bits than this are not compared further. */
    public static final int HASH_CANDIDATE_BITS = 10;

    /** Largest RMS difference of two near-duplicates' thumbnails, in grey levels. */
    public static final double DUPLICATE_RMS = 6.0;

    /** Copies the array. */
    public Thumbnail {
        if (grey.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a thumbnail has " + SIDE * SIDE + " values, got " + grey.length);
        }
        grey = grey.clone();
    }

    /** @return a copy of the grey levels */
    @Override
    public float[] grey() {
        return grey.clone();
    }

    /** @return the thumbnail of an image of any size */
    public static Thumbnail of(RasterImage image) {
        RasterImage small = ImageResizer.resize(image.toGray(), SIDE, SIDE);
        float[] hashed = ImageResizer.resize(small, 9, 8).pixels();
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash = (hash << 1) | (hashed[y * 9 + x] > hashed[y * 9 + x + 1] ? 1 : 0);
            }
        }
        return new Thumbnail(small.pixels(), hash);
    }

    /** Side of a block of {@link #blockMeans()}, in thumbnail pixels. */
    public static final int BLOCK = 4;

    /**
     * @return the mean grey level of each of the 16 blocks of 4 x 4 pixels, row by row. Two
     *         thumbnails' RMS difference is never below a quarter of the root of their blocks'
     *         summed squared differences (each block's pixels differ at least by its mean's difference,
     *         in the root mean square), a cheap bound to rule pairs out with.
     */
    public double[] blockMeans() {
        int blocks = SIDE / BLOCK;
        double[] means = new double[blocks * blocks];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                means[(y / BLOCK) * blocks + x / BLOCK] += grey[y * SIDE + x];
            }
        }
        for (int b = 0; b < means.length; b++) {
            means[b] /= BLOCK * BLOCK;
        }
        return means;
    }

    /** @return whether the two images are near-duplicates (see the class description) */
    public boolean nearDuplicateOf(Thumbnail other) {
        if (Long.bitCount(hash ^ other.hash) > HASH_CANDIDATE_BITS) {
            return false;
        }
        // the squared differences only grow: stop as soon as they pass the limit
        double limit = DUPLICATE_RMS * DUPLICATE_RMS * grey.length;
        double sum = 0;
        for (int i = 0; i < grey.length && sum <= limit; i++) {
            double d = grey[i] - other.grey[i];
            sum += d * d;
        }
        return sum <= limit;
    }
}
