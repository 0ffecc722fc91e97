package dev.limelight.text.perturb;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The interpretable representation of LIME's perturbed texts: N rows of d features, each present
 * (1) or removed (0), drawn as the reference's {@code LimeTextExplainer} draws them. Row 0 is the
 * original text (every feature present); every other row removes {@code k} distinct features,
 * with {@code k} uniform on 1..d and the removed set uniform among the sets of that size. So a row
 * may remove every feature, as in the reference.
 *
 * <p>Where Limelight differs: the draws come from a {@link SplittableRandom} seeded per call (the
 * reference shares one numpy generator across calls), so the same seed gives the same matrix, but
 * not the reference's numbers. Instances are immutable.
 */
public final class RemovalSamples {

    private final int samples;
    private final int features;
    private final boolean[] present;

    private RemovalSamples(int samples, int features, boolean[] present) {
        this.samples = samples;
        this.features = features;
        this.present = present;
    }

    /**
     * Draws the matrix.
     *
     * @param samples  N, at least 1 (row 0 is the original)
     * @param features d, at least 1
     * @param seed     the seed; the same seed gives the same matrix
     * @return the samples
     * @throws IllegalArgumentException if N or d is below 1
     */
    public static RemovalSamples draw(int samples, int features, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1 (a text with no word cannot be "
                    + "perturbed), got " + features);
        }
        if ((long) samples * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("samples x features = " + ((long) samples * features)
                    + " is too large for one sample matrix");
        }
        boolean[] present = new boolean[samples * features];
        java.util.Arrays.fill(present, true);
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[features];
        for (int j = 0; j < features; j++) {
            order[j] = j;
        }
        for (int i = 1; i < samples; i++) {
            int removed = 1 + random.nextInt(features);
            // Partial Fisher-Yates: the first `removed` entries of `order` become a uniform random
            // subset of that size, whatever permutation `order` held before.
            for (int j = 0; j < removed; j++) {
                int pick = j + random.nextInt(features - j);
                int swap = order[j];
                order[j] = order[pick];
                order[pick] = swap;
                present[i * features + order[j]] = false;
            }
        }
        return new RemovalSamples(samples, features, present);
    }

    /**
     * Takes given rows instead of drawing them: the masks of a counterfactual or fidelity search.
     *
     * @param rows N rows of d flags (true = the word is present), all of the same length, d at least 1
     * @return the samples, rows copied
     * @throws IllegalArgumentException if there is no row, a row is empty or the rows differ in length
     */
    public static RemovalSamples of(boolean[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("at least one row is needed");
        }
        int features = rows[0].length;
        if (features < 1) {
            throw new IllegalArgumentException("rows must have at least one feature");
        }
        boolean[] present = new boolean[rows.length * features];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != features) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, row 0 has "
                        + features);
            }
            System.arraycopy(rows[i], 0, present, i * features, features);
        }
        return new RemovalSamples(rows.length, features, present);
    }

    /** @return N, the number of rows (the original included) */
    public int samples() {
        return samples;
    }

    /** @return d, the number of features */
    public int features() {
        return features;
    }

    /**
     * @param row     0..N-1
     * @param feature 0..d-1
     * @return whether that feature is kept in that row
     */
    public boolean isPresent(int row, int feature) {
        if (row < 0 || row >= samples || feature < 0 || feature >= features) {
            throw new IndexOutOfBoundsException("(" + row + ", " + feature + ") is outside " + samples + " x " + features);
        }
        return present[row * features + feature];
    }

    /**
     * @param row 0..N-1
     * @return how many features that row keeps
     */
    public int presentCount(int row) {
        int count = 0;
        for (int j = 0; j < features; j++) {
            if (present[row * features + j]) {
                count++;
            }
        }
        return count;
    }

    /**
     * @param row 0..N-1
     * @return a copy of that row's presence flags
     */
    public boolean[] row(int row) {
        if (row < 0 || row >= samples) {
            throw new IndexOutOfBoundsException("row " + row + " is outside 0.." + (samples - 1));
        }
        boolean[] copy = new boolean[features];
        System.arraycopy(present, row * features, copy, 0, features);
        return copy;
    }

    /** Copies a row's flags into {@code into} (length d) without allocating. */
    void copyRow(int row, boolean[] into) {
        System.arraycopy(present, row * features, into, 0, features);
    }

    /** @return the N x d 0/1 matrix, double precision, for the K-Lasso fit */
    public INDArray toMatrix() {
        INDArray matrix = Nd4j.createUninitialized(DataType.DOUBLE, samples, features);
        // Written straight into the (c-ordered, off-heap) buffer: no N x d Java array in between.
        java.nio.DoubleBuffer buffer = matrix.data().asNioDouble();
        for (int i = 0; i < present.length; i++) {
            buffer.put(i, present[i] ? 1.0 : 0.0);
        }
        return matrix;
    }

    /** Whether a feature is kept in a row, without bounds checks (for the text builders' inner loops). */
    boolean presentFast(int row, int feature) {
        return present[row * features + feature];
    }

    @Override
    public String toString() {
        return "RemovalSamples[" + samples + " x " + features + "]";
    }
}
