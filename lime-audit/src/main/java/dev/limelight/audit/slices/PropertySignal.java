package dev.limelight.audit.slices;

import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The "wolves in snow" check: how well one image property alone predicts the label. If brightness
 * alone names the class far better than guessing the commonest class, a model can score well by
 * learning brightness, and a data set that shares the coincidence will not show it. Measured per
 * property by two-fold cross-validation (rows split by index parity): the property's deciles on one
 * half, each decile predicting its commonest label, scored on the other half.
 *
 * @param property one of {@link ImageProperties#NAMES}
 * @param accuracy the cross-validated accuracy of predicting the label from the property alone
 * @param baseline the cross-validated accuracy of always guessing the commonest label
 * @param flagged  whether the property beats the baseline by at least {@link #FLAG_MARGIN}
 */
public record PropertySignal(String property, double accuracy, double baseline, boolean flagged) {

    /** How far above the baseline a property must predict the label to be flagged. */
    public static final double FLAG_MARGIN = 0.2;

    private static final int BINS = 10;

    /** @return one signal per property that takes more than one value, strongest first */
    public static List<PropertySignal> of(List<AuditRow> rows) {
        List<PropertySignal> signals = new ArrayList<>();
        for (String property : ImageProperties.NAMES) {
            double[] values = rows.stream().mapToDouble(r -> r.properties().get(property)).toArray();
            if (Arrays.stream(values).distinct().count() < 2) {
                continue;
            }
            double right = 0;
            double guessed = 0;
            for (int fold = 0; fold < 2; fold++) {
                List<Integer> train = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    (i % 2 == fold ? test : train).add(i);
                }
                double[] edges = edges(train.stream().mapToDouble(i -> values[i]).toArray());
                List<Map<String, Integer>> counts = new ArrayList<>();
                for (int b = 0; b <= edges.length; b++) {
                    counts.add(new HashMap<>());
                }
                Map<String, Integer> overall = new HashMap<>();
                for (int i : train) {
                    counts.get(bin(edges, values[i])).merge(rows.get(i).label(), 1, Integer::sum);
                    overall.merge(rows.get(i).label(), 1, Integer::sum);
                }
                String commonest = commonest(overall);
                for (int i : test) {
                    Map<String, Integer> inBin = counts.get(bin(edges, values[i]));
                    String predicted = inBin.isEmpty() ? commonest : commonest(inBin);
                    right += predicted.equals(rows.get(i).label()) ? 1 : 0;
                    guessed += commonest.equals(rows.get(i).label()) ? 1 : 0;
                }
            }
            double accuracy = right / rows.size();
            double baseline = guessed / rows.size();
            signals.add(new PropertySignal(property, accuracy, baseline, accuracy - baseline >= FLAG_MARGIN));
        }
        signals.sort((a, b) -> Double.compare(b.accuracy - b.baseline, a.accuracy - a.baseline));
        return signals;
    }

    private static double[] edges(double[] values) {
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        double[] edges = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) {
            edges[b - 1] = percentile.evaluate(100.0 * b / BINS);
        }
        return edges;
    }

    private static int bin(double[] edges, double value) {
        int b = 0;
        while (b < edges.length && value >= edges[b]) {
            b++;
        }
        return b;
    }

    /** The commonest label; ties go to the alphabetically first, so the result is repeatable. */
    private static String commonest(Map<String, Integer> counts) {
        String best = null;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
