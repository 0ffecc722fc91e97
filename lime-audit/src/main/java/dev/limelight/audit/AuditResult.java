package dev.limelight.audit;

import dev.limelight.core.SubmodularPick;
import dev.limelight.image.ImageExplanation;
import dev.limelight.models.calibration.ReliabilityBins;
import java.util.List;
import java.util.Map;

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

    /** @return the image indices SP-LIME picked, in pick order */
    public List<Integer> pickedImages() {
        return pick.picked().stream().map(explainedOrder::get).toList();
    }
}
