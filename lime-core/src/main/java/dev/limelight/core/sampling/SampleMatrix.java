package dev.limelight.core.sampling;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LIME's interpretable representation of the perturbed samples: which features (segments of an
 * image, words of a text) each sample keeps, an N x S 0/1 matrix whose row 0 is all ones (the
 * original input), drawn with a {@link SamplingDesign}. Made from a seed: the same seed gives the
 * same matrix, bit for bit. Immutable.
 */
public final class SampleMatrix {

    private final int samples;
    private final int segments;
    private final byte[] cells;

    private SampleMatrix(int samples, int segments, byte[] cells) {
        this.samples = samples;
        this.segments = segments;
        this.cells = cells;
    }

    /**
     * Draws the matrix.
     *
     * @param samples  N, at least 1 (row 0 is the original)
     * @param segments S, at least 1
     * @param seed     the random seed
     * @throws IllegalArgumentException if N or S is below 1, or N x S exceeds 2^31 - 1
     */
    public static SampleMatrix draw(int samples, int segments, long seed) {
        if (samples < 1 || segments < 1) {
            throw new IllegalArgumentException("need at least 1 sample and 1 segment, got " + samples + " x " + segments);
        }
        long size = (long) samples * segments;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample matrix too large: " + samples + " x " + segments);
        }
        byte[] cells = new byte[(int) size];
        java.util.Arrays.fill(cells, 0, segments, (byte) 1);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = segments; i < cells.length; i++) {
            cells[i] = (byte) (random.nextBoolean() ? 1 : 0);
        }
        return new SampleMatrix(samples, segments, cells);
    }

    /**
     * Draws the matrix with the given design.
     *
     * @param samples  N, at least 1 (row 0 is the original)
     * @param segments S, at least 1
     * @param seed     the random seed
     * @param design   the reference's text design ({@link SamplingDesign#REMOVAL}), independent cells
     *                 (the reference's image design, {@link #draw(int, int, long)}), fold-over
     *                 pairs (rows 2k+1 drawn, rows 2k+2 their complements), or fold-over pairs from
     *                 randomised orthogonal arrays (see {@link SamplingDesign#ORTHOGONAL})
     * @throws IllegalArgumentException if N or S is below 1, or N x S exceeds 2^31 - 1
     */
    public static SampleMatrix draw(int samples, int segments, long seed, SamplingDesign design) {
        SampleMatrix drawn = switch (design) {
            case REMOVAL -> removals(samples, segments, seed);
            case INDEPENDENT, ANTITHETIC -> draw(samples, segments, seed);
            case ORTHOGONAL -> orthogonal(samples, segments, seed);
        };
        if (design.pairs()) {
            byte[] cells = drawn.cells;
            for (int row = 2; row < samples; row += 2) {
                for (int j = 0; j < segments; j++) {
                    cells[row * segments + j] = (byte) (1 - cells[(row - 1) * segments + j]);
                }
            }
        }
        return drawn;
    }

    /**
     * Draws the matrix with a keep probability per feature: cell (i, j) of rows 1.. is 1 with
     * probability {@code keep[j]}, independently; row 0 is all ones. A table's columns are drawn so: a
     * column keeps the original's value (or bin) as often as the training data holds it.
     *
     * @param samples N, at least 1 (row 0 is the original)
     * @param keep    per feature, a probability in [0, 1]; at least one feature
     * @param seed    the random seed
     * @throws IllegalArgumentException if N is below 1, a probability is outside [0, 1], or N x d
     *                                  exceeds 2^31 - 1
     */
    public static SampleMatrix drawKeeping(int samples, double[] keep, long seed) {
        int features = keep.length;
        if (samples < 1 || features < 1) {
            throw new IllegalArgumentException("need at least 1 sample and 1 feature, got " + samples + " x " + features);
        }
        for (int j = 0; j < features; j++) {
            if (!(keep[j] >= 0 && keep[j] <= 1)) {
                throw new IllegalArgumentException("keep probability of feature " + j + " must be in [0, 1], got "
                        + keep[j]);
            }
        }
        if ((long) samples * features > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample matrix too large: " + samples + " x " + features);
        }
        byte[] cells = new byte[samples * features];
        java.util.Arrays.fill(cells, 0, features, (byte) 1);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = features; i < cells.length; i++) {
            cells[i] = (byte) (random.nextDouble() < keep[i % features] ? 1 : 0);
        }
        return new SampleMatrix(samples, features, cells);
    }

    /** The {@link SamplingDesign#REMOVAL} design: row i removes k ~ U{1..S} distinct features. */
    private static SampleMatrix removals(int samples, int features, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1 (an input with no feature cannot be "
                    + "perturbed), got " + features);
        }
        if ((long) samples * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sample matrix too large: " + samples + " x " + features);
        }
        byte[] cells = new byte[samples * features];
        java.util.Arrays.fill(cells, (byte) 1);
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
                cells[i * features + order[j]] = 0;
            }
        }
        return new SampleMatrix(samples, features, cells);
    }

    /**
     * The rows 2k+1 of the {@link SamplingDesign#ORTHOGONAL} design (their complements are filled in
     * by the caller): blocks of M rows, M the smallest power of two above S. Each block gives every
     * segment its own non-zero column index c_j of a Sylvester Hadamard matrix of order M (drawn at
     * random, without repeats) and a random flip u_j; block row r keeps segment j when the parity of
     * {@code r & c_j} differs from u_j; the block's rows come in a random order. Every row is uniform
     * on {0,1}^S (the flip alone makes it so), and in a whole block any two segments are shown
     * together in exactly a quarter of the rows.
     */
    private static SampleMatrix orthogonal(int samples, int segments, long seed) {
        SampleMatrix matrix = draw(samples, segments, seed);
        if (samples <= 1) {
            return matrix;
        }
        if (segments >= (1 << 30)) {
            throw new IllegalArgumentException("too many segments for an orthogonal design: " + segments);
        }
        int order = Integer.highestOneBit(segments) << 1;
        byte[] cells = matrix.cells;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] candidates = new int[order - 1];
        int[] columns = new int[segments];
        boolean[] flips = new boolean[segments];
        int[] rowOrder = new int[order];
        int block = order;
        for (int row = 1; row < samples; row += 2) {
            if (block == order) {
                for (int c = 0; c < candidates.length; c++) {
                    candidates[c] = c + 1;
                }
                for (int j = 0; j < segments; j++) {
                    int pick = j + random.nextInt(candidates.length - j);
                    int chosen = candidates[pick];
                    candidates[pick] = candidates[j];
                    candidates[j] = chosen;
                    columns[j] = chosen;
                    flips[j] = random.nextBoolean();
                }
                for (int r = 0; r < order; r++) {
                    int pick = random.nextInt(r + 1);
                    rowOrder[r] = rowOrder[pick];
                    rowOrder[pick] = r;
                }
                block = 0;
            }
            int r = rowOrder[block++];
            for (int j = 0; j < segments; j++) {
                boolean odd = (Integer.bitCount(r & columns[j]) & 1) == 1;
                cells[row * segments + j] = (byte) (odd != flips[j] ? 1 : 0);
            }
        }
        return matrix;
    }

    /** Wraps explicit rows (each S values of 0 or 1), e.g. for deletion curves or tests. */
    public static SampleMatrix of(int[][] rows) {
        boolean[][] flags = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            flags[i] = new boolean[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                if (rows[i][j] != 0 && rows[i][j] != 1) {
                    throw new IllegalArgumentException("cells must be 0 or 1; row " + i + " column " + j + " is " + rows[i][j]);
                }
                flags[i][j] = rows[i][j] == 1;
            }
        }
        return ofFlags(flags);
    }

    /** @return the rows of all the given matrices, in order (they must have the same S) */
    public static SampleMatrix concat(java.util.List<SampleMatrix> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int s = parts.get(0).segments;
        long rows = 0;
        for (SampleMatrix part : parts) {
            if (part.segments != s) {
                throw new IllegalArgumentException("sample matrices have " + s + " and " + part.segments + " segments");
            }
            rows += part.samples;
        }
        if (rows * s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("concatenated sample matrix too large: " + rows + " x " + s);
        }
        byte[] cells = new byte[(int) (rows * s)];
        int at = 0;
        for (SampleMatrix part : parts) {
            System.arraycopy(part.cells, 0, cells, at, part.cells.length);
            at += part.cells.length;
        }
        return new SampleMatrix((int) rows, s, cells);
    }

    /** @return N */
    public int samples() {
        return samples;
    }

    /** @return S, the number of features (segments of an image, words of a text) */
    public int features() {
        return segments;
    }

    /** @return whether sample {@code i} keeps segment {@code s} */
    public boolean keeps(int i, int s) {
        return cells[i * segments + s] != 0;
    }

    /** @return how many features sample {@code i} keeps */
    public int keptCount(int i) {
        int count = 0;
        for (int j = 0; j < segments; j++) {
            count += cells[i * segments + j];
        }
        return count;
    }

    /** Wraps explicit rows of flags (true = kept), all of the same length: the masks of a trust search. */
    public static SampleMatrix ofFlags(boolean[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("sample matrix is empty");
        }
        int s = rows[0].length;
        byte[] cells = new byte[rows.length * s];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != s) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " cells, row 0 has " + s);
            }
            for (int j = 0; j < s; j++) {
                cells[i * s + j] = (byte) (rows[i][j] ? 1 : 0);
            }
        }
        return new SampleMatrix(rows.length, s, cells);
    }

    /** @return rows {@code [from, from + count)} as a count x S matrix of the given type */
    public INDArray rows(int from, int count, DataType type) {
        float[] values = new float[count * segments];
        for (int i = 0; i < values.length; i++) {
            values[i] = cells[from * segments + i];
        }
        return Nd4j.create(values, new long[] {count, segments}, 'c').castTo(type);
    }

    /** @return the whole matrix as N x S doubles, the interpretable data of the K-Lasso fit */
    public INDArray toDoubleMatrix() {
        return rows(0, samples, DataType.DOUBLE);
    }

    @Override
    public String toString() {
        return "SampleMatrix[" + samples + "x" + segments + "]";
    }
}
