package dev.limelight.audit;

import java.io.Serializable;

/**
 * The thresholds of an audit's automatic tags. Each tag's rule:
 *
 * <table>
 *   <caption>Automatic tags</caption>
 *   <tr><th>tag</th><th>rule (defaults)</th></tr>
 *   <tr><td>{@code mistake}</td><td>the predicted class is not the label</td></tr>
 *   <tr><td>{@code confident-mistake}</td><td>a mistake with confidence at least {@code confidentMistake} (0.8)</td></tr>
 *   <tr><td>{@code low-confidence}</td><td>confidence below {@code lowConfidence} (0.5)</td></tr>
 *   <tr><td>{@code ambiguous}</td><td>margin (top probability minus the second) below {@code ambiguousMargin} (0.1)</td></tr>
 *   <tr><td>{@code potential-mislabel}</td><td>a mistake with confidence at least {@code mislabelConfidence}
 *       (0.9) that gives the label at most {@code mislabelLabelProbability} (0.02): the model firmly
 *       names another class, so the label deserves a second look; with embeddings, also most of its
 *       {@code mislabelNeighbours} (5) nearest images in the model's embedding (cosine) are labelled
 *       with the predicted class, not with its own</td></tr>
 *   <tr><td>{@code outlier}</td><td>with embeddings: the cosine distance of the image's embedding to
 *       its label's mean embedding lies {@code outlierZ} (3) robust standard deviations above the
 *       label's median distance (labels of at least 10 images)</td></tr>
 *   <tr><td>{@code near-duplicate}</td><td>another image of the folder is a near-duplicate
 *       ({@link Thumbnail#nearDuplicateOf}); {@code cross-class-duplicate} too when that image has
 *       another label: a labelling problem</td></tr>
 *   <tr><td>{@code dark}, {@code bright}</td><td>brightness at least {@code propertyZ} (2.5) robust
 *       standard deviations below / above the folder's median (robust: 1.4826 x the median absolute
 *       deviation, or the standard deviation where that is 0; nothing is tagged when both are 0), and
 *       at least {@code propertyChange} (0.3) of the median away from it</td></tr>
 *   <tr><td>{@code low-contrast}</td><td>contrast {@code propertyZ} robust standard deviations and
 *       {@code propertyChange} of the median below the median</td></tr>
 *   <tr><td>{@code blurry}</td><td>{@code log(1 + sharpness)} {@code propertyZ} robust standard deviations
 *       below its median, and sharpness {@code propertyChange} of the median below the median</td></tr>
 *   <tr><td>{@code small}</td><td>the shorter side at most {@code smallSide} (0.5) of the folder's median shorter side</td></tr>
 * </table>
 *
 * Property tags are relative to the folder: on a folder of uniform images none is given.
 *
 * @param confidentMistake         confidence that makes a mistake confident
 * @param lowConfidence            confidence below which an image is low-confidence
 * @param ambiguousMargin          margin below which an image is ambiguous
 * @param mislabelConfidence       confidence of a potential mislabel's prediction
 * @param mislabelLabelProbability the most a potential mislabel's label may get
 * @param propertyZ                robust z-score beyond which a property tag is given
 * @param propertyChange           the least change from the folder's median, as a share of it, of a
 *                                 property tag (a homogeneous folder's small spread alone tags nothing)
 * @param smallSide                share of the median shorter side at or below which an image is small
 * @param outlierZ                 robust z-score of the distance to the label's mean embedding beyond
 *                                 which an image is an outlier
 * @param mislabelNeighbours       how many nearest images in the embedding vote on a potential mislabel
 */
public record TagRules(double confidentMistake, double lowConfidence, double ambiguousMargin, double mislabelConfidence,
                       double mislabelLabelProbability, double propertyZ, double propertyChange, double smallSide,
                       double outlierZ, int mislabelNeighbours) implements Serializable {

    /** The defaults of the table above. */
    public static final TagRules DEFAULTS = new TagRules(0.8, 0.5, 0.1, 0.9, 0.02, 2.5, 0.3, 0.5, 3.0, 5);

    /** @throws IllegalArgumentException if a probability threshold is outside [0, 1] or a z-score not positive */
    public TagRules {
        for (double p : new double[] {confidentMistake, lowConfidence, ambiguousMargin, mislabelConfidence,
            mislabelLabelProbability, propertyChange, smallSide}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("tag thresholds must be in [0, 1], got " + p);
            }
        }
        if (!(propertyZ > 0) || !Double.isFinite(propertyZ) || !(outlierZ > 0) || !Double.isFinite(outlierZ)) {
            throw new IllegalArgumentException("propertyZ and outlierZ must be finite numbers > 0, got " + propertyZ
                    + " and " + outlierZ);
        }
        if (mislabelNeighbours < 1) {
            throw new IllegalArgumentException("mislabelNeighbours must be at least 1, got " + mislabelNeighbours);
        }
    }
}
