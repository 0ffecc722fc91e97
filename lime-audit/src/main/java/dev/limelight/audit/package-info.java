/**
 * Audits of an image classifier over a labelled folder, as in the LIME paper's husky-vs-wolf
 * study: accuracy, per-class precision / recall / F1, the confusion matrix, the most confident
 * mistakes, calibration (expected calibration error, reliability diagram), and the few
 * explanations SP-LIME picks so a reader sees which image regions the model relies on. The
 * explanations use a fixed grid of segments, so a segment means the same region in every image
 * and SP-LIME can compare them.
 */
package dev.limelight.audit;
