/**
 * Tabular explanations, in the manner of the reference {@code lime} package's
 * {@code LimeTabularExplainer}: numeric columns discretised into bins learnt from training data
 * ({@link dev.limelight.tabular.Discretizer}, {@link dev.limelight.tabular.NumericBins}), explanations
 * that name conditions such as {@code "Age > 42.00"}.
 */
package dev.limelight.tabular;
