package dev.limelight.tabular;

import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The thresholds of a classification tree grown on one numeric column, as scikit-learn's
 * {@code DecisionTreeClassifier(criterion='entropy', max_depth=3)} grows it for the reference's
 * {@code EntropyDiscretizer}: each node not yet at the depth limit, with two or more rows and more
 * than one label, splits where the weighted entropy of its two sides is least (the first such place
 * in value order on ties), at the midpoint between two neighbouring distinct values.
 */
final class EntropySplits {

    /** The reference's depth: 3, so at most 7 thresholds. */
    static final int MAX_DEPTH = 3;

    /** Values closer than this are one value, as scikit-learn's {@code FEATURE_THRESHOLD}. */
    private static final double SAME_VALUE = 1e-7;

    private EntropySplits() {
    }

    /**
     * @param values the column's values
     * @param labels each row's class index
     * @return the thresholds, sorted, each once; empty when no node splits
     */
    static double[] thresholds(double[] values, int[] labels) {
        if (values.length != labels.length) {
            throw new IllegalArgumentException(values.length + " values but " + labels.length + " labels");
        }
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] x = new double[values.length];
        int[] y = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            x[i] = values[order[i]];
            y[i] = labels[order[i]];
        }
        TreeSet<Double> thresholds = new TreeSet<>();
        grow(x, y, 0, x.length, 0, classes, thresholds);
        return thresholds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void grow(double[] x, int[] y, int from, int to, int depth, int classes, TreeSet<Double> out) {
        int n = to - from;
        int[] total = new int[classes];
        for (int i = from; i < to; i++) {
            total[y[i]]++;
        }
        if (depth >= MAX_DEPTH || n < 2 || entropy(total, n) <= 1e-12) {
            return;
        }
        int[] left = new int[classes];
        int[] right = total.clone();
        double best = Double.NEGATIVE_INFINITY;
        int split = -1;
        for (int p = from + 1; p < to; p++) {
            left[y[p - 1]]++;
            right[y[p - 1]]--;
            if (x[p] <= x[p - 1] + SAME_VALUE) {
                continue;
            }
            int nLeft = p - from;
            int nRight = to - p;
            double proxy = -nLeft * entropy(left, nLeft) - nRight * entropy(right, nRight);
            if (proxy > best) {
                best = proxy;
                split = p;
            }
        }
        if (split < 0) {
            return;
        }
        double threshold = (x[split - 1] + x[split]) / 2.0;
        if (threshold == x[split] || Double.isInfinite(threshold) || Double.isNaN(threshold)) {
            threshold = x[split - 1];
        }
        out.add(threshold);
        grow(x, y, from, split, depth + 1, classes, out);
        grow(x, y, split, to, depth + 1, classes, out);
    }

    private static double entropy(int[] counts, int n) {
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
