/**
 * How far to trust an explanation: {@link dev.limelight.core.trust.Stability} (do independent runs
 * agree on the top features?), {@link dev.limelight.core.trust.FidelityCurves} (does removing the
 * features the explanation ranks first change the prediction faster than removing random ones?)
 * and {@link dev.limelight.core.trust.Counterfactuals} (the fewest top features whose removal flips
 * the predicted label). They work on any interpretable representation through a
 * {@link dev.limelight.core.trust.MaskScorer}: images and text provide their own.
 */
package dev.limelight.core.trust;
