package dev.limelight.models.calibration;

import java.util.Locale;

/**
 * The result of {@link TemperatureScaling}: the fitted temperature and the validation negative
 * log-likelihood (mean over samples, natural log) before (T = 1) and after.
 *
 * @param temperature the fitted T; above 1 means the model was over-confident
 * @param nllBefore   mean NLL at T = 1
 * @param nllAfter    mean NLL at the fitted T (never above {@code nllBefore} by more than the search tolerance)
 * @param evaluations how many times the NLL was evaluated
 * @param atBound     true if T sits at an end of the searched range (the range may be too narrow)
 */
public record TemperatureFit(double temperature, double nllBefore, double nllAfter, int evaluations,
        boolean atBound) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "T = %.4f (NLL %.4f -> %.4f, %d evaluations%s)", temperature, nllBefore,
                nllAfter, evaluations, atBound ? ", at the end of the searched range" : "");
    }
}
