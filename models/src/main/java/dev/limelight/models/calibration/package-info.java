/**
 * Temperature-scaling calibration of a classifier's probabilities, as "Calibrate to Interpret"
 * (G. Scafarto, N. Posocco, A. Bonnefoy, ECML-PKDD 2022) recommends before explaining a model:
 * an over-confident network saturates its probabilities, which flattens the differences LIME
 * regresses on.
 *
 * <p>{@link dev.limelight.models.calibration.TemperatureScaling} fits one temperature T on a labelled
 * validation set (minimum negative log-likelihood, Guo et al., ICML 2017);
 * {@link dev.limelight.models.calibration.ReliabilityBins} measures the expected calibration error
 * (15 equal-width confidence bins) before and after;
 * {@link dev.limelight.models.calibration.ReliabilityDiagram} draws them as a PNG; and
 * {@link dev.limelight.models.calibration.CalibratedClassifier} wraps any
 * {@link dev.limelight.core.ImageClassifier} so the explainers see softmax(log p / T).
 */
package dev.limelight.models.calibration;
