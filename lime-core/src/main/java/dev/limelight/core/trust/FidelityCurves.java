package dev.limelight.core.trust;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.LocalExplanation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deletion and insertion curves (Petsiuk, Das and Saenko, "RISE", BMVC 2018), a fidelity measure
 * beyond the surrogate's weighted R^2: remove the features one at a time in the explanation's
 * order (largest weight first) and track the model's probability for the label; or start from
 * nothing and add them in that order. A faithful explanation makes the deletion curve fall fast
 * (small area) and the insertion curve rise fast (large area). Random orders give the baseline; an
 * explanation whose deletion area is not below the random mean is {@linkplain #suspicious()
 * flagged}.
 *
 * @param label             the explained label
 * @param deletion          probability after removing 0, 1, ..., d features in explanation order
 * @param insertion         probability after adding 0, 1, ..., d features in explanation order
 * @param deletionArea      area under the deletion curve, x scaled to [0, 1]
 * @param insertionArea     area under the insertion curve, x scaled to [0, 1]
 * @param randomDeletionArea  mean deletion area over the random orders
 * @param randomInsertionArea mean insertion area over the random orders
 * @param randomOrders      how many random orders were scored
 */
public record FidelityCurves(int label, double[] deletion, double[] insertion, double deletionArea,
                             double insertionArea, double randomDeletionArea, double randomInsertionArea,
                             int randomOrders) {

    /** Default number of random orders for the baseline. */
    public static final int DEFAULT_RANDOM_ORDERS = 5;

    /**
     * Scores the curves: (d + 1) masks per curve and order, all in one call of the scorer.
     *
     * @param explanation  the explanation whose order is tested
     * @param featureCount d, the number of interpretable features
     * @param scorer       scores masks through the model
     * @param randomOrders how many random orders form the baseline, at least 1
     * @param seed         seed of the random orders
     */
    public static FidelityCurves measure(LocalExplanation explanation, int featureCount, MaskScorer scorer,
                                         int randomOrders, long seed) {
        if (featureCount < 1) {
            throw new IllegalArgumentException("featureCount must be at least 1, got " + featureCount);
        }
        if (randomOrders < 1) {
            throw new IllegalArgumentException("randomOrders must be at least 1, got " + randomOrders);
        }
        int[] order = explanationOrder(explanation, featureCount);
        List<int[]> orders = new ArrayList<>();
        orders.add(order);
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < randomOrders; r++) {
            int[] shuffled = order.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            orders.add(shuffled);
        }
        int steps = featureCount + 1;
        boolean[][] masks = new boolean[orders.size() * 2 * steps][];
        int m = 0;
        for (int[] o : orders) {
            for (int removed = 0; removed < steps; removed++) {
                masks[m++] = mask(featureCount, o, removed, true);
            }
            for (int added = 0; added < steps; added++) {
                masks[m++] = mask(featureCount, o, added, false);
            }
        }
        double[][] scores = scorer.score(masks);
        if (scores.length != masks.length) {
            throw new IllegalStateException("the scorer returned " + scores.length + " rows for " + masks.length + " masks");
        }
        int label = explanation.label();
        double[][] deletion = new double[orders.size()][steps];
        double[][] insertion = new double[orders.size()][steps];
        m = 0;
        for (int o = 0; o < orders.size(); o++) {
            for (int s = 0; s < steps; s++) {
                deletion[o][s] = scores[m++][label];
            }
            for (int s = 0; s < steps; s++) {
                insertion[o][s] = scores[m++][label];
            }
        }
        double randomDeletion = 0;
        double randomInsertion = 0;
        for (int o = 1; o < orders.size(); o++) {
            randomDeletion += area(deletion[o]);
            randomInsertion += area(insertion[o]);
        }
        return new FidelityCurves(label, deletion[0], insertion[0], area(deletion[0]), area(insertion[0]),
                randomDeletion / randomOrders, randomInsertion / randomOrders, randomOrders);
    }

    /** Features by decreasing weight (positive evidence first); unselected features follow in index order. */
    static int[] explanationOrder(LocalExplanation explanation, int featureCount) {
        List<FeatureWeight> byWeight = new ArrayList<>(explanation.weights());
        byWeight.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        Set<Integer> order = new LinkedHashSet<>();
        for (FeatureWeight w : byWeight) {
            if (w.feature() < 0 || w.feature() >= featureCount) {
                throw new IllegalArgumentException("feature " + w.feature() + " is outside 0.." + (featureCount - 1));
            }
            order.add(w.feature());
        }
        for (int f = 0; f < featureCount; f++) {
            order.add(f);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean[] mask(int d, int[] order, int count, boolean deleting) {
        boolean[] mask = new boolean[d];
        Arrays.fill(mask, deleting);
        for (int i = 0; i < count; i++) {
            mask[order[i]] = !deleting;
        }
        return mask;
    }

    /** Trapezoid area of a curve sampled at x = 0, 1/(n-1), ..., 1. */
    static double area(double[] curve) {
        if (curve.length == 1) {
            return curve[0];
        }
        double sum = 0;
        for (int i = 1; i < curve.length; i++) {
            sum += (curve[i - 1] + curve[i]) / 2;
        }
        return sum / (curve.length - 1);
    }

    /** @return whether the deletion curve is no better than random: area not below the random mean */
    public boolean suspicious() {
        return deletionArea >= randomDeletionArea;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FidelityCurves[label %d: deletion area %.4f (random %.4f), insertion area "
                        + "%.4f (random %.4f)%s]", label, deletionArea, randomDeletionArea, insertionArea,
                randomInsertionArea, suspicious() ? ", FLAGGED: no better than random" : "");
    }
}
