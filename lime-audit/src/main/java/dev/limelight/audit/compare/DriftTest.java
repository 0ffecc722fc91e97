package dev.limelight.audit.compare;

/**
 * One two-sample test of whether a quantity is distributed alike in the reference and the new
 * images.
 *
 * @param test      the test: {@code kolmogorov-smirnov}, {@code chi-square} or {@code mmd-permutation}
 * @param statistic its statistic (KS: the largest gap between the two empirical distribution
 *                  functions; chi-square: the statistic; MMD: the squared maximum mean discrepancy)
 * @param pValue    its p-value
 * @param reference the reference images' mean of the quantity (NaN for a distribution of classes)
 * @param current   the new images' mean
 */
public record DriftTest(String test, double statistic, double pValue, double reference, double current) {
}
