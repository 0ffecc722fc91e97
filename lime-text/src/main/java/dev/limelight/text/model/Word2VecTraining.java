package dev.limelight.text.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Trains DL4J {@link Word2Vec} (DL4J's defaults: skip-gram with hierarchic softmax) on a corpus,
 * one document per sentence, reading the documents as the
 * classifiers do ({@link Terms}: lower-cased runs of at least two word characters), so the
 * vectors' vocabulary matches the classifiers' terms.
 *
 * @param layerSize         vector length, at least 1
 * @param windowSize        context window, at least 1
 * @param minWordFrequency  a word must occur this many times to get a vector, at least 1
 * @param epochs            passes over the corpus, at least 1
 * @param workers           training threads (1 gives the same vectors for the same seed; more is
 *                          faster but not repeatable)
 * @param seed              the seed
 */
public record Word2VecTraining(int layerSize, int windowSize, int minWordFrequency, int epochs, int workers,
                               long seed) {

    /** 100-dimensional vectors, window 5, words seen at least 3 times, 5 epochs, 1 worker, seed 0. */
    public static final Word2VecTraining DEFAULTS = new Word2VecTraining(100, 5, 3, 5, 1, 0);

    /** Checks the arguments. */
    public Word2VecTraining {
        if (layerSize < 1 || windowSize < 1 || minWordFrequency < 1 || epochs < 1 || workers < 1) {
            throw new IllegalArgumentException("layerSize, windowSize, minWordFrequency, epochs and workers must "
                    + "be >= 1; got " + layerSize + ", " + windowSize + ", " + minWordFrequency + ", " + epochs
                    + ", " + workers);
        }
    }

    /**
     * @param epochs another number of epochs
     * @return these options with that number of epochs
     */
    public Word2VecTraining withEpochs(int epochs) {
        return new Word2VecTraining(layerSize, windowSize, minWordFrequency, epochs, workers, seed);
    }

    /**
     * @param workers another number of threads
     * @return these options with that number of threads
     */
    public Word2VecTraining withWorkers(int workers) {
        return new Word2VecTraining(layerSize, windowSize, minWordFrequency, epochs, workers, seed);
    }

    /**
     * Trains the vectors.
     *
     * @param documents the training texts
     * @return the trained model
     * @throws IllegalArgumentException if no word occurs {@code minWordFrequency} times
     */
    public Word2Vec train(List<String> documents) {
        List<String> sentences = new ArrayList<>(documents.size());
        for (String doc : documents) {
            List<String> terms = Terms.of(doc);
            if (!terms.isEmpty()) {
                sentences.add(String.join(" ", terms));
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no document has a term to train word vectors on");
        }
        Word2Vec vectors = new Word2Vec.Builder()
                .layerSize(layerSize)
                .windowSize(windowSize)
                .minWordFrequency(minWordFrequency)
                .epochs(epochs)
                .iterations(1)
                .workers(workers)
                .seed(seed)
                .iterate(new CollectionSentenceIterator(sentences))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        vectors.fit();
        if (vectors.vocab().numWords() == 0) {
            throw new IllegalArgumentException("no word occurs " + minWordFrequency + " times or more");
        }
        return vectors;
    }
}
