package dev.limelight.audit;

import dev.limelight.core.SubmodularPick;
import dev.limelight.image.ImageExplanation;
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
 */
public record AuditResult(LabelledFolder folder, String modelName, int[] predicted, double[] confidence,
                          ClassificationMetrics metrics, ReliabilityBins calibration, List<Integer> mistakes,
                          Map<Integer, ImageExplanation> explanations, SubmodularPick.Result<Integer> pick,
                          List<Integer> explainedOrder, Map<Integer, Double> cellImportance) {

    /**
     * Everything an audit concludes from the per-image work, wherever that work ran: metrics and
     * calibration from the class probabilities, the {@link AuditOptions#mistakes()} most confident
     * mistakes, and SP-LIME's {@link AuditOptions#budget()} picks over the explanations taken in
     * increasing image index.
     *
     * @param folder        the audited images
     * @param modelName     the model's name
     * @param probabilities one row of class probabilities per image of the folder
     * @param explanations  image index to the explanation of its predicted class
     * @param options       the audit options
     * @throws IllegalArgumentException if there is not one probability row per image, or nothing was explained
     */
    public static AuditResult assemble(LabelledFolder folder, String modelName, double[][] probabilities,
                                       Map<Integer, ImageExplanation> explanations, AuditOptions options) {
        List<LabelledImage> images = folder.images();
        int n = images.size();
        if (probabilities.length != n) {
            throw new IllegalArgumentException("expected " + n + " probability rows, one per image, got "
                    + probabilities.length);
        }
        if (explanations.isEmpty()) {
            throw new IllegalArgumentException("an audit needs at least one explanation");
        }
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
        return new AuditResult(folder, modelName, predicted, confidence, metrics, calibration, mistakes, ordered, pick,
                explainedOrder, pick.importance());
    }

    /** @return the image indices SP-LIME picked, in pick order */
    public List<Integer> pickedImages() {
        return pick.picked().stream().map(explainedOrder::get).toList();
    }
}
