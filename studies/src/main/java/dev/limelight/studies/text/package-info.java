/**
 * Runnable studies on the LIME paper's text data: readers of the 20 Newsgroups and multi-domain
 * sentiment corpora, training the DL4J text classifiers and reporting held-out accuracy
 * ({@link dev.limelight.studies.text.TrainTextModels}), the paper's 20 Newsgroups finding
 * ({@link dev.limelight.studies.text.HeaderFinding}) and SP-LIME over the held-out posts
 * ({@link dev.limelight.studies.text.PickExplanations}). Each is a {@code main} that prints its
 * figures; none downloads anything.
 */
package dev.limelight.studies.text;
