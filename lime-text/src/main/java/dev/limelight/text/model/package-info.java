/**
 * Text classifiers trained with Deeplearning4j, as DL4J users train them, implementing lime-core's
 * {@link dev.limelight.core.TextClassifier} so {@link dev.limelight.text.TextExplainer} can explain
 * them: Word2Vec embeddings ({@link dev.limelight.text.model.Word2VecTraining}), a classifier on
 * averaged word vectors ({@link dev.limelight.text.model.AveragedVectorsClassifier}, the shape of
 * the LIME paper's "random forest on averaged word2vec"), and a linear bag-of-words classifier on
 * TF-IDF features ({@link dev.limelight.text.model.BagOfWordsClassifier}), which can be saved and
 * loaded as one file.
 */
package dev.limelight.text.model;
