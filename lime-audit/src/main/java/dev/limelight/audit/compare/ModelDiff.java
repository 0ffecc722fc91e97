package dev.limelight.audit.compare;

import dev.limelight.audit.AuditOptions;
import dev.limelight.audit.AuditResult;
import dev.limelight.audit.AuditRow;
import dev.limelight.audit.AuditWorker;
import dev.limelight.audit.AutomaticTags;
import dev.limelight.audit.ClassificationMetrics;
import dev.limelight.audit.LabelledImage;
import dev.limelight.audit.slices.Slice;
import dev.limelight.audit.slices.SliceFinder;
import dev.limelight.audit.slices.SliceOptions;
import dev.limelight.core.SubmodularPick;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.render.ExplanationImages;
import dev.limelight.image.render.PngEncoder;
import dev.limelight.models.calibration.ReliabilityBins;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Model A against model B on the same labelled images: both models' metrics and calibration, the
 * differences with paired bootstrap intervals, McNemar's test, the images that changed (fixed,
 * broken, changed while both wrong), the same counts per cohort (class, tag, weak slice), and how the evidence
 * moved on the changed images explained under both models.
 *
 * @param modelA      model A's metrics
 * @param modelB      model B's metrics
 * @param differences B minus A per metric, with 95 % intervals
 * @param changed     the images whose correctness or answer changed
 * @param mcnemar     McNemar's test on the paired correctness
 * @param cohorts     the changes per class, per tag and per weak slice of either model, most broken first
 * @param evidence    per explained changed image, how its explanation moved (may be empty)
 * @param evidencePick SP-LIME over the explained images' weight changes: the global view of what
 *                     changed, or null when nothing was explained
 */
public record ModelDiff(Metrics modelA, Metrics modelB, List<Difference> differences, Changed changed,
                        McNemar mcnemar, List<CohortChange> cohorts, List<EvidenceShift> evidence,
                        EvidencePick evidencePick) {

    /** Bootstrap resamples of the intervals. */
    public static final int BOOTSTRAP = 200;

    /** The top cells compared by {@link EvidenceShift#topKAgreement()}. */
    public static final int TOP_K = 5;

    /** Copies the lists. */
    public ModelDiff {
        differences = List.copyOf(differences);
        cohorts = List.copyOf(cohorts);
        evidence = List.copyOf(evidence);
    }

    /**
     * One model's metrics.
     *
     * @param model    its name
     * @param accuracy share of correct predictions
     * @param ece      expected calibration error (15 bins)
     * @param classes  per class: name, precision, recall, F1, support
     */
    public record Metrics(String model, double accuracy, double ece, List<ClassMetrics> classes) {
        /** Copies the list. */
        public Metrics {
            classes = List.copyOf(classes);
        }
    }

    /**
     * @param name      the class
     * @param precision correct / predicted as it
     * @param recall    correct / truly it
     * @param f1        harmonic mean of the two
     * @param support   images truly of it
     */
    public record ClassMetrics(String name, double precision, double recall, double f1, int support) {
    }

    /**
     * B minus A for one metric.
     *
     * @param metric     accuracy, or precision / recall / f1 of {@code className}
     * @param className  the class of a per-class metric, or null
     * @param a          model A's value
     * @param b          model B's value
     * @param difference b - a
     * @param low        the 95 % paired-bootstrap interval's lower end
     * @param high       its upper end
     */
    public record Difference(String metric, String className, double a, double b, double difference, double low,
                             double high) {

        /** @return whether the interval excludes 0 */
        public boolean significant() {
            return low > 0 || high < 0;
        }
    }

    /**
     * @param fixed     images A gets wrong and B right
     * @param broken    images A gets right and B wrong
     * @param bothWrong images both get wrong, with different answers
     */
    public record Changed(List<String> fixed, List<String> broken, List<String> bothWrong) {
        /** Copies the lists. */
        public Changed {
            fixed = List.copyOf(fixed);
            broken = List.copyOf(broken);
            bothWrong = List.copyOf(bothWrong);
        }
    }

    /**
     * @param cohort    the cohort, e.g. {@code label = Shirt}, {@code tag = blurry} or
     *                  {@code weak slice of B: sharpness < 0.12}
     * @param images    its images
     * @param fixed     of them fixed
     * @param broken    of them broken
     * @param bothWrong of them changed while both wrong
     */
    public record CohortChange(String cohort, int images, int fixed, int broken, int bothWrong) {
    }

    /**
     * How one image's explanation moved between the models (both explain the same label: the true
     * class).
     *
     * @param path            the image
     * @param label           the explained class
     * @param rankCorrelation Spearman's correlation of the two models' grid-cell weights
     * @param topKAgreement   the share of A's top {@value #TOP_K} cells among B's top {@value #TOP_K}
     * @param cellWeightsA    A's weight per grid cell
     * @param cellWeightsB    B's weight per grid cell
     * @param heatMapA        A's explanation as a heat map (PNG; reports only)
     * @param heatMapB        B's explanation as a heat map (PNG; reports only)
     */
    public record EvidenceShift(String path, String label, double rankCorrelation, double topKAgreement,
                                double[] cellWeightsA, double[] cellWeightsB,
                                @com.fasterxml.jackson.annotation.JsonIgnore byte[] heatMapA,
                                @com.fasterxml.jackson.annotation.JsonIgnore byte[] heatMapB) {
    }

    /**
     * SP-LIME (submodular pick) over how each explained image's cell weights moved,
     * {@code |B - A|} per grid cell: the few images that together cover the most change, and each
     * cell's global importance of change (the square root of its summed change, as SP-LIME weighs
     * features).
     *
     * @param picked         the images picked, in pick order
     * @param cellImportance per grid cell, its importance of change
     * @param coveredShare   the share of all change the picked images cover
     */
    public record EvidencePick(List<String> picked, double[] cellImportance, double coveredShare) {
        /** Copies the list. */
        public EvidencePick {
            picked = List.copyOf(picked);
            cellImportance = cellImportance.clone();
        }
    }

    /** Images SP-LIME picks from the moved explanations. */
    public static final int PICKED = 5;

    /**
     * Compares two runs over the same labelled images (paired by relative path).
     *
     * @param a        model A's run
     * @param b        model B's run
     * @param explain  how many changed images (broken first, then fixed) to explain under both models
     *                 (0: none; needs both runs' classifiers)
     * @param options  the explanations' settings (samples, grid, hide colour) and the bootstrap seed
     * @return the diff
     * @throws IllegalArgumentException when the runs lack labels, their class lists differ, or they
     *                                  share no image
     */
    public static ModelDiff of(ModelRun a, ModelRun b, int explain, AuditOptions options) {
        if (!a.labelled() || !b.labelled()) {
            throw new IllegalArgumentException("a model diff needs labelled images: give one sub-folder per class");
        }
        if (!a.folder().classes().equals(b.folder().classes())) {
            throw new IllegalArgumentException("the models name their classes differently: " + a.folder().classes()
                    + " and " + b.folder().classes());
        }
        Map<String, Integer> inB = new LinkedHashMap<>();
        for (int j = 0; j < b.rows().size(); j++) {
            inB.put(b.rows().get(j).path(), j);
        }
        List<AuditRow> rowsA = new ArrayList<>();
        List<AuditRow> rowsB = new ArrayList<>();
        List<Integer> indexA = new ArrayList<>();
        List<Integer> indexB = new ArrayList<>();
        for (int i = 0; i < a.rows().size(); i++) {
            Integer j = inB.get(a.rows().get(i).path());
            if (j != null) {
                rowsA.add(a.rows().get(i));
                rowsB.add(b.rows().get(j));
                indexA.add(i);
                indexB.add(j);
            }
        }
        if (rowsA.isEmpty()) {
            throw new IllegalArgumentException("the two runs have no image in common: a paired diff needs the same "
                    + "images (by path relative to the data folder)");
        }
        List<String> classes = a.folder().classes();
        Metrics metricsA = metrics(a.modelName(), rowsA, classes);
        Metrics metricsB = metrics(b.modelName(), rowsB, classes);
        List<String> fixed = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        List<String> bothWrong = new ArrayList<>();
        for (int i = 0; i < rowsA.size(); i++) {
            AuditRow x = rowsA.get(i);
            AuditRow y = rowsB.get(i);
            if (!x.correct() && y.correct()) {
                fixed.add(x.path());
            } else if (x.correct() && !y.correct()) {
                broken.add(x.path());
            } else if (!x.correct() && !y.correct() && !x.predicted().equals(y.predicted())) {
                bothWrong.add(x.path());
            }
        }
        List<EvidenceShift> evidence = explain > 0 && a.classifier() != null && b.classifier() != null
                ? evidence(a, b, broken, fixed, explain, options) : List.of();
        return new ModelDiff(metricsA, metricsB, differences(rowsA, rowsB, classes, options.seed()),
                new Changed(fixed, broken, bothWrong), McNemar.of(fixed.size(), broken.size()),
                cohorts(rowsA, rowsB), evidence, pick(evidence));
    }

    static Metrics metrics(String model, List<AuditRow> rows, List<String> classes) {
        int[] truth = rows.stream().mapToInt(r -> classes.indexOf(r.label())).toArray();
        int[] predicted = rows.stream().mapToInt(r -> classes.indexOf(r.predicted())).toArray();
        ClassificationMetrics m = ClassificationMetrics.of(truth, predicted, classes.size());
        double ece;
        try (INDArray p = Nd4j.createFromArray(rows.stream().map(AuditRow::probabilities).toArray(double[][]::new))) {
            ece = ReliabilityBins.of(p, truth).expectedCalibrationError();
        }
        return new Metrics(model, m.accuracy(), ece, m.classes().stream().map(c -> new ClassMetrics(
                classes.get(c.classIndex()), c.precision(), c.recall(), c.f1(), c.support())).toList());
    }

    /** B - A for accuracy and every class's precision, recall and F1, with paired bootstrap intervals. */
    private static List<Difference> differences(List<AuditRow> rowsA, List<AuditRow> rowsB, List<String> classes,
                                                long seed) {
        List<String> names = new ArrayList<>(List.of("accuracy"));
        List<ToDoubleFunction<Metrics>> values = new ArrayList<>(List.of(Metrics::accuracy));
        List<String> classNames = new ArrayList<>(java.util.Collections.nCopies(1, (String) null));
        for (int c = 0; c < classes.size(); c++) {
            int k = c;
            for (String metric : List.of("precision", "recall", "f1")) {
                names.add(metric);
                classNames.add(classes.get(c));
                values.add(m -> switch (metric) {
                    case "precision" -> m.classes().get(k).precision();
                    case "recall" -> m.classes().get(k).recall();
                    default -> m.classes().get(k).f1();
                });
            }
        }
        int n = rowsA.size();
        double[][] resampled = new double[names.size()][BOOTSTRAP];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < BOOTSTRAP; r++) {
            List<AuditRow> sampleA = new ArrayList<>(n);
            List<AuditRow> sampleB = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                sampleA.add(rowsA.get(pick));
                sampleB.add(rowsB.get(pick));
            }
            Metrics x = fastMetrics(sampleA, classes);
            Metrics y = fastMetrics(sampleB, classes);
            for (int m = 0; m < names.size(); m++) {
                resampled[m][r] = values.get(m).applyAsDouble(y) - values.get(m).applyAsDouble(x);
            }
        }
        Metrics x = fastMetrics(rowsA, classes);
        Metrics y = fastMetrics(rowsB, classes);
        Percentile percentile = new Percentile();
        List<Difference> out = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            double va = values.get(m).applyAsDouble(x);
            double vb = values.get(m).applyAsDouble(y);
            out.add(new Difference(names.get(m), classNames.get(m), va, vb, vb - va,
                    percentile.evaluate(resampled[m], 2.5), percentile.evaluate(resampled[m], 97.5)));
        }
        return out;
    }

    /** Accuracy and per-class scores without the calibration error (for the bootstrap). */
    private static Metrics fastMetrics(List<AuditRow> rows, List<String> classes) {
        int[] truth = rows.stream().mapToInt(r -> classes.indexOf(r.label())).toArray();
        int[] predicted = rows.stream().mapToInt(r -> classes.indexOf(r.predicted())).toArray();
        ClassificationMetrics m = ClassificationMetrics.of(truth, predicted, classes.size());
        return new Metrics("", m.accuracy(), Double.NaN, m.classes().stream().map(c -> new ClassMetrics(
                classes.get(c.classIndex()), c.precision(), c.recall(), c.f1(), c.support())).toList());
    }

    /**
     * The changes per label, per tag that does not depend on the model (A's tags) and per weak slice
     * of either model (the audit's {@link SliceFinder} on each model's rows, class cohorts left to the
     * labels), most broken first.
     */
    private static List<CohortChange> cohorts(List<AuditRow> rowsA, List<AuditRow> rowsB) {
        Map<String, BitSet> members = new LinkedHashMap<>();
        for (int i = 0; i < rowsA.size(); i++) {
            AuditRow x = rowsA.get(i);
            List<String> cohorts = new ArrayList<>();
            cohorts.add("label = " + x.label());
            x.tags().stream().filter(t -> !AutomaticTags.MODEL_DEFINED.contains(t)).forEach(t -> cohorts.add("tag = " + t));
            for (String cohort : cohorts) {
                members.computeIfAbsent(cohort, k -> new BitSet()).set(i);
            }
        }
        weakSlices(members, "A", rowsA);
        weakSlices(members, "B", rowsB);
        List<CohortChange> out = new ArrayList<>();
        members.forEach((cohort, rows) -> out.add(change(cohort, rows, rowsA, rowsB)));
        out.sort((p, q) -> p.broken() != q.broken() ? Integer.compare(q.broken(), p.broken())
                : Integer.compare(q.fixed(), p.fixed()));
        return out;
    }

    /** Adds the significant weak slices of one model's rows that are not a class, named "weak slice of M: ...". */
    private static void weakSlices(Map<String, BitSet> members, String model, List<AuditRow> rows) {
        for (Slice slice : new SliceFinder(SliceOptions.DEFAULTS).weakSlices(rows)) {
            if (!slice.cohort().isClass()) {
                BitSet set = new BitSet();
                slice.members().forEach(set::set);
                members.putIfAbsent("weak slice of " + model + ": " + slice.description(), set);
            }
        }
    }

    private static CohortChange change(String cohort, BitSet rows, List<AuditRow> rowsA, List<AuditRow> rowsB) {
        int fixed = 0;
        int broken = 0;
        int bothWrong = 0;
        for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
            AuditRow x = rowsA.get(i);
            AuditRow y = rowsB.get(i);
            fixed += !x.correct() && y.correct() ? 1 : 0;
            broken += x.correct() && !y.correct() ? 1 : 0;
            bothWrong += !x.correct() && !y.correct() && !x.predicted().equals(y.predicted()) ? 1 : 0;
        }
        return new CohortChange(cohort, rows.cardinality(), fixed, broken, bothWrong);
    }

    private static List<EvidenceShift> evidence(ModelRun a, ModelRun b, List<String> broken, List<String> fixed,
                                                int budget, AuditOptions options) {
        List<String> chosen = new ArrayList<>(broken);
        chosen.addAll(fixed);
        chosen = chosen.subList(0, Math.min(budget, chosen.size()));
        Map<String, Integer> rowOfA = new LinkedHashMap<>();
        for (int i = 0; i < a.rows().size(); i++) {
            rowOfA.put(a.rows().get(i).path(), i);
        }
        AuditWorker workerA = new AuditWorker(a.classifier(), options, a.modelName());
        AuditWorker workerB = new AuditWorker(b.classifier(), options, b.modelName());
        List<EvidenceShift> out = new ArrayList<>();
        for (String path : chosen) {
            int i = rowOfA.get(path);
            LabelledImage image = a.folder().images().get(i);
            int label = image.classIndex();
            ImageExplanation ea = workerA.explain(image, i, label);
            ImageExplanation eb = workerB.explain(image, i, label);
            double[] wa = AuditResult.cellWeights(ea, ea.label(label));
            double[] wb = AuditResult.cellWeights(eb, eb.label(label));
            out.add(new EvidenceShift(path, image.className(), spearman(wa, wb), topKAgreement(wa, wb), wa, wb,
                    PngEncoder.encode(ExplanationImages.heatMap(ea, label)),
                    PngEncoder.encode(ExplanationImages.heatMap(eb, label))));
        }
        return out;
    }

    private static EvidencePick pick(List<EvidenceShift> evidence) {
        if (evidence.isEmpty()) {
            return null;
        }
        List<Map<Integer, Double>> changes = new ArrayList<>();
        int cells = evidence.get(0).cellWeightsA().length;
        for (EvidenceShift e : evidence) {
            Map<Integer, Double> change = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(cells, e.cellWeightsB().length); c++) {
                change.put(c, Math.abs(e.cellWeightsB()[c] - e.cellWeightsA()[c]));
            }
            changes.add(change);
        }
        SubmodularPick.Result<Integer> result = SubmodularPick.pick(changes, Math.min(PICKED, changes.size()));
        double[] importance = new double[cells];
        result.importance().forEach((c, v) -> importance[c] = v);
        return new EvidencePick(result.picked().stream().map(i -> evidence.get(i).path()).toList(), importance,
                result.coveredShare());
    }

    static double spearman(double[] x, double[] y) {
        if (Arrays.stream(x).distinct().count() < 2 || Arrays.stream(y).distinct().count() < 2) {
            return 0;
        }
        return new SpearmansCorrelation().correlation(x, y);
    }

    static double topKAgreement(double[] x, double[] y) {
        TreeSet<Integer> topX = top(x);
        TreeSet<Integer> topY = top(y);
        topX.retainAll(topY);
        return (double) topX.size() / Math.min(TOP_K, x.length);
    }

    private static TreeSet<Integer> top(double[] w) {
        Integer[] order = new Integer[w.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (p, q) -> Double.compare(w[q], w[p]));
        return new TreeSet<>(Arrays.asList(order).subList(0, Math.min(TOP_K, w.length)));
    }

    /** @return the difference of one metric, if present (accuracy: className null) */
    public java.util.Optional<Difference> difference(String metric, String className) {
        return differences.stream().filter(d -> d.metric().equals(metric) && Objects.equals(d.className(), className))
                .findFirst();
    }
}
