package dev.limelight.audit.slices;

import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AutomaticTags;
import dev.limelight.audit.ImageProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * Searches the cohorts of an audit for weak slices: every label, every tag that the model's answer
 * does not define (a mistake, low confidence, an outlier in its embedding, ...:
 * {@link AutomaticTags#MODEL_DEFINED}), every quantile bin of every image property, and (with
 * {@link SliceOptions#pairs()}) every conjunction of two of them from different sources, each holding
 * at least {@link SliceOptions#minSupport} rows and leaving at least {@link SliceOptions#minCount} out.
 *
 * <p>A cohort's shortfall is tested against what its class mix predicts: the Cochran-Mantel-Haenszel
 * test of cohort membership against correctness, stratified by label, one-sided. A slice of blurry
 * images is therefore weak only if blurry shirts fail more than other shirts, blurry shoes more than
 * other shoes, and so on, not because shirts happen to be blurry. A label's own cohort is tested
 * against the other labels (one stratum). The p-values are Holm-corrected over every cohort tested,
 * so that the family-wise chance of reporting a slice that is chance stays below
 * {@link SliceOptions#alpha()}. Duplicate cohorts (the same rows) are tested once, and a conjunction
 * is not reported as weak when one of its parts is weak on its own: the simpler slice says it.
 */
public final class SliceFinder {


    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final SliceOptions options;

    /** @param options the search's options */
    public SliceFinder(SliceOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param rows the audit's rows
     * @return every cohort tested, significant weak slices first (most excess errors first: the
     *         mistakes a slice holds beyond its expected accuracy), then the rest by p-value
     */
    public List<Slice> search(List<AuditRow> rows) {
        int n = rows.size();
        int minSupport = options.minSupport(n);
        boolean[] correct = new boolean[n];
        int[] stratum = new int[n];
        Map<String, Integer> labels = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            AuditRow row = rows.get(i);
            correct[i] = row.correct();
            stratum[i] = labels.computeIfAbsent(row.label(), l -> labels.size());
        }
        List<Candidate> base = new ArrayList<>();
        for (String label : labels.keySet()) {
            base.add(candidate(new Cohort.OfLabel(label), rows, "label"));
        }
        Set<String> tags = new TreeSet<>();
        rows.forEach(r -> tags.addAll(r.tags()));
        tags.removeAll(AutomaticTags.MODEL_DEFINED);
        for (String tag : tags) {
            base.add(candidate(new Cohort.OfTag(tag), rows, "tag:" + tag));
        }
        for (String property : ImageProperties.NAMES) {
            for (Cohort.InRange bin : bins(rows, property)) {
                base.add(candidate(bin, rows, "property:" + property));
            }
        }
        base.removeIf(c -> c.members.cardinality() < minSupport);
        List<Candidate> all = new ArrayList<>(base);
        if (options.pairs()) {
            for (int a = 0; a < base.size(); a++) {
                for (int b = a + 1; b < base.size(); b++) {
                    Candidate x = base.get(a);
                    Candidate y = base.get(b);
                    if (x.source.equals(y.source)) {
                        continue;
                    }
                    BitSet both = (BitSet) x.members.clone();
                    both.and(y.members);
                    all.add(new Candidate(new Cohort.Both(x.cohort, y.cohort), both, x.source + "&" + y.source));
                }
            }
        }
        Map<BitSet, Candidate> distinct = new LinkedHashMap<>();
        for (Candidate c : all) {
            int size = c.members.cardinality();
            if (size >= minSupport && n - size >= options.minCount()) {
                distinct.putIfAbsent(c.members, c);
            }
        }
        List<Tested> tested = new ArrayList<>();
        for (Candidate c : distinct.values()) {
            tested.add(test(c, correct, c.cohort.isClass() ? new int[n] : stratum, labels.size()));
        }
        double[] adjusted = holm(tested.stream().mapToDouble(t -> t.pValue).toArray());
        Set<Cohort> weakCohorts = new java.util.HashSet<>();
        for (int i = 0; i < tested.size(); i++) {
            if (adjusted[i] < options.alpha() && tested.get(i).accuracy < tested.get(i).expected) {
                weakCohorts.add(tested.get(i).candidate.cohort);
            }
        }
        List<Slice> slices = new ArrayList<>(tested.size());
        WilsonScoreInterval wilson = new WilsonScoreInterval();
        for (int i = 0; i < tested.size(); i++) {
            Tested t = tested.get(i);
            int m = t.candidate.members.cardinality();
            var interval = wilson.createInterval(m, t.correct, 0.95);
            // a refinement of a weak cohort is reported as that cohort: the simpler description wins
            boolean refinesWeak = t.candidate.cohort instanceof Cohort.Both both
                    && (weakCohorts.contains(both.first()) || weakCohorts.contains(both.second()));
            boolean significant = weakCohorts.contains(t.candidate.cohort) && !refinesWeak;
            slices.add(new Slice(t.candidate.cohort.description(), m, t.accuracy, t.rest, t.expected,
                    new double[] {interval.getLowerBound(), interval.getUpperBound()}, adjusted[i], significant,
                    t.candidate.members.stream().boxed().toList(), t.candidate.cohort));
        }
        slices.sort(Comparator.comparing((Slice s) -> !s.significant())
                .thenComparing(s -> s.significant() ? -s.excessErrors() : s.pValue())
                .thenComparing(Slice::description));
        return slices;
    }

    /** @return the significant weak slices, at most {@link SliceOptions#maxReported()} */
    public List<Slice> weakSlices(List<AuditRow> rows) {
        return search(rows).stream().filter(Slice::significant).limit(options.maxReported()).toList();
    }

    private record Candidate(Cohort cohort, BitSet members, String source) {
    }

    private record Tested(Candidate candidate, int correct, double accuracy, double rest, double expected,
                          double pValue) {
    }

    private static Candidate candidate(Cohort cohort, List<AuditRow> rows, String source) {
        BitSet members = new BitSet(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (cohort.test(rows.get(i))) {
                members.set(i);
            }
        }
        return new Candidate(cohort, members, source);
    }

    /** The quantile bins of a property over the rows; none when it takes a single value. */
    private List<Cohort.InRange> bins(List<AuditRow> rows, String property) {
        double[] values = rows.stream().mapToDouble(r -> r.properties().get(property)).toArray();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        TreeSet<Double> edges = new TreeSet<>();
        for (int b = 1; b < options.bins(); b++) {
            edges.add(percentile.evaluate(100.0 * b / options.bins()));
        }
        double min = Arrays.stream(values).min().orElse(0);
        edges.remove(min);
        edges.headSet(min).clear();
        List<Cohort.InRange> bins = new ArrayList<>();
        double low = Double.NEGATIVE_INFINITY;
        for (double edge : edges) {
            bins.add(new Cohort.InRange(property, low, edge));
            low = edge;
        }
        if (!bins.isEmpty()) {
            bins.add(new Cohort.InRange(property, low, Double.POSITIVE_INFINITY));
        }
        return bins;
    }

    /** The stratified (Cochran-Mantel-Haenszel) one-sided test of the cohort's shortfall. */
    private static Tested test(Candidate c, boolean[] correct, int[] stratum, int strata) {
        int[] size = new int[strata];
        int[] right = new int[strata];
        int[] inCohort = new int[strata];
        int[] rightInCohort = new int[strata];
        int k = 0;
        int restSize = 0;
        int restRight = 0;
        for (int i = 0; i < correct.length; i++) {
            int s = stratum[i];
            size[s]++;
            right[s] += correct[i] ? 1 : 0;
            if (c.members.get(i)) {
                inCohort[s]++;
                rightInCohort[s] += correct[i] ? 1 : 0;
                k += correct[i] ? 1 : 0;
            } else {
                restSize++;
                restRight += correct[i] ? 1 : 0;
            }
        }
        double expected = 0;
        double variance = 0;
        double expectedAccuracyNumerator = 0;
        for (int s = 0; s < strata; s++) {
            double total = size[s];
            if (total < 2 || inCohort[s] == 0) {
                continue;
            }
            expected += inCohort[s] * right[s] / total;
            variance += inCohort[s] * (total - inCohort[s]) * right[s] * (total - right[s])
                    / (total * total * (total - 1));
            int outside = size[s] - inCohort[s];
            double restRate = outside > 0 ? (double) (right[s] - rightInCohort[s]) / outside : (double) right[s] / total;
            expectedAccuracyNumerator += inCohort[s] * restRate;
        }
        int m = c.members.cardinality();
        double p;
        if (variance > 0) {
            // continuity-corrected, one-sided: fewer right answers in the cohort than expected
            p = NORMAL.cumulativeProbability((k - expected + 0.5) / Math.sqrt(variance));
        } else {
            p = 1;
        }
        return new Tested(c, k, (double) k / m, restSize == 0 ? Double.NaN : (double) restRight / restSize,
                expectedAccuracyNumerator / m, p);
    }

    /** @return Holm's step-down adjusted p-values, in the given order */
    static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
