package dev.limelight.audit;

import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.SubmodularPick;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.LabelExplanation;
import dev.limelight.models.calibration.CrossFittedTemperature;
import dev.limelight.models.calibration.ReliabilityBins;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What an audit found.
 *
 * @param folder        the audited images
 * @param modelName     the model's name
 * @param predicted     predicted class per image
 * @param confidence    probability of the predicted class per image
 * @param metrics       accuracy, confusion matrix, per-class scores
 * @param calibration   reliability bins (15) with the expected calibration error
 * @param mistakes      indices of the wrongly classified images, most confident first
 * @param explanations  image index to its explanation of the predicted class (the explained subset)
 * @param pick          SP-LIME over those explanations: positions in {@code explainedOrder}
 * @param explainedOrder the image indices that were explained, in the order given to SP-LIME
 * @param cellImportance SP-LIME's global importance of every grid cell
 * @param rows          one row per image, in folder order
 * @param previews      each row's preview PNG ({@link Preview}), for the report
 * @param crossFit      the temperature cross-fitted on the labelled images, when the options ask for it
 *                      ({@link AuditOptions#calibrate()}), else null
 */
public record AuditResult(LabelledFolder folder, String modelName, int[] predicted, double[] confidence,
                          ClassificationMetrics metrics, ReliabilityBins calibration, List<Integer> mistakes,
                          Map<Integer, ImageExplanation> explanations, SubmodularPick.Result<Integer> pick,
                          List<Integer> explainedOrder, Map<Integer, Double> cellImportance, List<AuditRow> rows,
                          List<byte[]> previews, CrossFittedTemperature crossFit) {

    /** Copies the lists; checks there is one preview per row. */
    public AuditResult {
        rows = List.copyOf(rows);
        previews = List.copyOf(previews);
        if (previews.size() != rows.size()) {
            throw new IllegalArgumentException(previews.size() + " previews for " + rows.size() + " rows");
        }
    }

    /**
     * Everything an audit concludes from the per-image work, wherever that work ran: metrics and
     * calibration from the class probabilities, the {@link AuditOptions#mistakes()} most confident
     * mistakes, SP-LIME's {@link AuditOptions#budget()} picks over the explanations taken in
     * increasing image index, and one {@link AuditRow} per image with its automatic and user tags.
     *
     * @param folder        the audited images
     * @param modelName     the model's name
     * @param observations  one observation per image of the folder
     * @param explanations  image index to the explanation of its predicted class
     * @param options       the audit options
     * @throws IllegalArgumentException if there is not one observation per image, or nothing was explained
     */
    public static AuditResult assemble(LabelledFolder folder, String modelName, List<ImageObservation> observations,
                                       Map<Integer, ImageExplanation> explanations, AuditOptions options) {
        List<LabelledImage> images = folder.images();
        int n = images.size();
        if (observations.size() != n) {
            throw new IllegalArgumentException("expected " + n + " observations, one per image, got "
                    + observations.size());
        }
        if (explanations.isEmpty()) {
            throw new IllegalArgumentException("an audit needs at least one explanation");
        }
        double[][] probabilities = observations.stream().map(ImageObservation::probabilities).toArray(double[][]::new);
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = images.get(i).classIndex();
            predicted[i] = AuditWorker.argMax(probabilities[i]);
            confidence[i] = probabilities[i][predicted[i]];
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(truth, predicted, folder.classes().size());
        ReliabilityBins calibration = ReliabilityBins.of(Nd4j.createFromArray(probabilities), truth);
        List<Integer> mistakes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (predicted[i] != truth[i]) {
                mistakes.add(i);
            }
        }
        mistakes.sort(Comparator.comparingDouble((Integer i) -> confidence[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        mistakes = List.copyOf(mistakes.subList(0, Math.min(options.mistakes(), mistakes.size())));

        Map<Integer, ImageExplanation> ordered = new TreeMap<>(explanations);
        List<Integer> explainedOrder = List.copyOf(ordered.keySet());
        List<Map<Integer, Double>> weights = ordered.values().stream()
                .map(e -> e.top().surrogate().weightsByFeature()).toList();
        SubmodularPick.Result<Integer> pick = SubmodularPick.pick(weights, Math.min(options.budget(), weights.size()));
        List<AuditRow> rows = rows(folder, observations, ordered, options.tagRules());
        CrossFittedTemperature crossFit = options.calibrate() ? crossFit(probabilities, truth, options.seed()) : null;
        return new AuditResult(folder, modelName, predicted, confidence, metrics, calibration, mistakes, ordered, pick,
                explainedOrder, pick.importance(), rows, observations.stream().map(ImageObservation::preview).toList(),
                crossFit);
    }

    /** Cross-fits a temperature on the labelled images (an unlabelled image has nothing to be calibrated against). */
    private static CrossFittedTemperature crossFit(double[][] probabilities, int[] truth, long seed) {
        int[] labelled = java.util.stream.IntStream.range(0, truth.length)
                .filter(i -> truth[i] != LabelledImage.UNLABELLED).toArray();
        double[][] p = java.util.Arrays.stream(labelled).mapToObj(i -> probabilities[i]).toArray(double[][]::new);
        int[] labels = java.util.Arrays.stream(labelled).map(i -> truth[i]).toArray();
        return CrossFittedTemperature.fit(Nd4j.createFromArray(p), labels, CrossFittedTemperature.DEFAULT_FOLDS, seed);
    }

    /**
     * The rows of the audited images: what the model answered, the properties, the automatic tags
     * and, for the explained images, the explanations' cell weights. An image without a label (of a
     * flat folder) gets no label, no loss and no mistake tags; the tags that group images by class
     * (outlier, cross-class duplicate) take its predicted class.
     *
     * @param folder       the images
     * @param observations one per image
     * @param explanations image index to its explanation (may be empty)
     * @param rules        the tags' thresholds
     * @return one row per image, in folder order
     */
    public static List<AuditRow> rows(LabelledFolder folder, List<ImageObservation> observations,
                                      Map<Integer, ImageExplanation> explanations, TagRules rules) {
        List<LabelledImage> images = folder.images();
        int n = images.size();
        int[] truth = images.stream().mapToInt(LabelledImage::classIndex).toArray();
        int[] grouping = truth.clone();
        for (int i = 0; i < n; i++) {
            if (grouping[i] == LabelledImage.UNLABELLED) {
                grouping[i] = AuditWorker.argMax(observations.get(i).probabilities());
            }
        }
        List<List<String>> tags = new AutomaticTags(rules).tag(grouping, observations);
        List<String> classes = folder.classes();
        List<AuditRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = observations.get(i).probabilities();
            int predicted = AuditWorker.argMax(p);
            ImageExplanation e = explanations.get(i);
            double[] cellWeights = null;
            int[] topCells = null;
            double[] trueCellWeights = null;
            if (e != null) {
                cellWeights = cellWeights(e, e.top());
                topCells = e.top().surrogate().weights().stream().mapToInt(w -> w.feature()).toArray();
                if (truth[i] != LabelledImage.UNLABELLED && predicted != truth[i]) {
                    int label = truth[i];
                    trueCellWeights = e.labels().stream().filter(l -> l.label() == label).findFirst()
                            .map(l -> cellWeights(e, l)).orElse(null);
                }
            }
            boolean labelled = truth[i] != LabelledImage.UNLABELLED;
            rows.add(new AuditRow(folder.relativePath(images.get(i)), labelled ? classes.get(truth[i]) : null,
                    classes.get(predicted), p, p[predicted], AutomaticTags.margin(p),
                    labelled ? -Math.log(Math.max(p[truth[i]], AuditRow.LOSS_FLOOR)) : Double.NaN,
                    observations.get(i).properties(), tags.get(i), cellWeights, topCells, trueCellWeights));
        }
        return rows;
    }

    /**
     * @param userTags tags by row path ({@link UserTags#read}); a path that is no row's is ignored
     * @return this result with the user's tags after each row's automatic ones
     */
    public AuditResult withUserTags(Map<String, List<String>> userTags) {
        List<AuditRow> tagged = rows.stream().map(r -> {
            List<String> tags = new ArrayList<>(r.tags());
            userTags.getOrDefault(r.path(), List.of()).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            return r.withTags(tags);
        }).toList();
        return new AuditResult(folder, modelName, predicted, confidence, metrics, calibration, mistakes, explanations,
                pick, explainedOrder, cellImportance, tagged, previews, crossFit);
    }

    /**
     * @return the probabilities the audit measured and explained: the model's as they are, or
     *         calibrated at a temperature (its explanations say which)
     */
    public ExplainedOutput calibrationUsed() {
        return explanations.values().iterator().next().model().explained();
    }

    /** @return every grid cell's weight in an explanation of one label (0 for a cell it did not select) */
    public static double[] cellWeights(ImageExplanation e, LabelExplanation label) {
        double[] weights = new double[e.segmentation().segmentCount()];
        label.surrogate().weights().forEach(w -> weights[w.feature()] = w.weight());
        return weights;
    }

    /** @return the image indices SP-LIME picked, in pick order */
    public List<Integer> pickedImages() {
        return pick.picked().stream().map(explainedOrder::get).toList();
    }
}
