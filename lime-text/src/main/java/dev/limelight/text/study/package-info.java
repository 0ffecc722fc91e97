/**
 * Runnable studies on the LIME paper's text data, for the README and the bundled demo model:
 * training the DL4J text classifiers and reporting held-out accuracy
 * ({@link dev.limelight.text.study.TrainTextModels}), the paper's 20 Newsgroups finding
 * ({@link dev.limelight.text.study.HeaderFinding}) and SP-LIME over the held-out posts
 * ({@link dev.limelight.text.study.PickExplanations}). Each is a {@code main} that prints its
 * figures; none downloads anything.
 */
package dev.limelight.text.study;
