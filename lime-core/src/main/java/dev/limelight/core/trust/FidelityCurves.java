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
 * @param fractions         share of the features removed (deletion) or added (insertion) at each point,
 *                          from 0 to 1
 * @param deletion          probability after removing that share of the features in explanation order
 * @param insertion         probability after adding that share of the features in explanation order
 * @param deletionArea      area under the deletion curve, x scaled to [0, 1]
 * @param insertionArea     area under the insertion curve, x scaled to [0, 1]
 * @param randomDeletionArea  mean deletion area over the random orders
 * @param randomInsertionArea mean insertion area over the random orders
 * @param randomOrders      how many random orders were scored
 */
public record FidelityCurves(int label, double[] fractions, double[] deletion, double[] insertion, double deletionArea,
                             double insertionArea, double randomDeletionArea, double randomInsertionArea,
                             int randomOrders) {

    /** Default number of random orders for the baseline. */
    public static final int DEFAULT_RANDOM_ORDERS = 5;

    /** Default number of points per curve: 11 (0 %, 10 %, ..., 100 % of the features). */
    public static final int DEFAULT_POINTS = 11;

    /**
     * Scores the curves at every feature count: (d + 1) masks per curve and order.
     *
     * @see #measure(LocalExplanation, int, MaskScorer, int, int, long)
     */
    public static FidelityCurves measure(LocalExplanation explanation, int featureCount, MaskScorer scorer,
                                         int randomOrders, long seed) {
        return measure(explanation, featureCount, scorer, featureCount + 1, randomOrders, seed);
    }

    /**
     * Scores the curves at {@code points} evenly spaced feature counts (rounded), all masks in one
     * call of the scorer: {@code 2 * points * (1 + randomOrders)} masks.
     *
     * @param explanation  the explanation whose order is tested
     * @param featureCount d, the number of interpretable features
     * @param scorer       scores masks through the model
     * @param points       points per curve, between 2 and d + 1
     * @param randomOrders how many random orders form the baseline, at least 1
     * @param seed         seed of the random orders
     */
    public static FidelityCurves measure(LocalExplanation explanation, int featureCount, MaskScorer scorer,
                                         int points, int randomOrders, long seed) {
        if (points < 2 || points > featureCount + 1) {
            throw new IllegalArgumentException("points must be between 2 and featureCount + 1 = " + (featureCount + 1)
                    + ", got " + points);
        }
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
        int steps = points;
        int[] counts = new int[steps];
        double[] fractions = new double[steps];
        for (int s = 0; s < steps; s++) {
            counts[s] = (int) Math.round((double) s * featureCount / (steps - 1));
            fractions[s] = (double) counts[s] / featureCount;
        }
        boolean[][] masks = new boolean[orders.size() * 2 * steps][];
        int m = 0;
        for (int[] o : orders) {
            for (int s = 0; s < steps; s++) {
                masks[m++] = mask(featureCount, o, counts[s], true);
            }
            for (int s = 0; s < steps; s++) {
                masks[m++] = mask(featureCount, o, counts[s], false);
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
            randomDeletion += area(fractions, deletion[o]);
            randomInsertion += area(fractions, insertion[o]);
        }
        return new FidelityCurves(label, fractions, deletion[0], insertion[0], area(fractions, deletion[0]),
                area(fractions, insertion[0]),
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

    /** Trapezoid area of a curve sampled at x = {@code fractions} (from 0 to 1). */
    static double area(double[] fractions, double[] curve) {
        double sum = 0;
        for (int i = 1; i < curve.length; i++) {
            sum += (curve[i - 1] + curve[i]) / 2 * (fractions[i] - fractions[i - 1]);
        }
        return sum;
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
