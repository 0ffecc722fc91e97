/**
 * Explanations while a DL4J model trains: {@link dev.limelight.training.LimeTrainingListener}
 * explains a fixed probe set every few epochs or iterations and records how much of each
 * explanation falls in a region the user marked as "should not matter" (a background, a watermark,
 * a corner patch): the shortcut the LIME paper's husky-vs-snow model took, seen while it is being
 * learned (Weber et al., "Beyond Explaining", 2022, on using explanations to improve models).
 */
package dev.limelight.training;
