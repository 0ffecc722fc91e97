package dev.limelight.text.perturb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.models.embeddings.wordvectors.WordVectors;
import org.deeplearning4j.models.word2vec.wordstore.VocabCache;

/**
 * Nearest neighbours of words in a word-vector space (cosine similarity), for
 * {@link Perturbation#neighbour}: a read-only, unit-normalised copy of a DL4J {@link WordVectors}
 * vocabulary.
 *
 * <p>Why a copy rather than {@link WordVectors#wordsNearest(String, int)}: DL4J's
 * {@code BasicModelUtils.wordsNearest} normalises the model's own vector table in place the first
 * time it is called, which would silently change every later {@code getWordVector} answer, and so
 * any classifier reading the same vectors. Here the vectors are copied once, the original model is
 * never written, and ties are broken by vocabulary index so the answer is deterministic.
 *
 * <p>Lookup is exact first; a word absent in that form is looked up in lower case (vectors are
 * usually trained on lower-cased text). Thread-safe; nearest-neighbour lists are cached.
 */
public final class WordNeighbours {

    private final String[] vocabulary;
    private final Map<String, Integer> index;
    private final float[] unitVectors;
    private final int dimension;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    private WordNeighbours(String[] vocabulary, float[] unitVectors, int dimension) {
        this.vocabulary = vocabulary;
        this.unitVectors = unitVectors;
        this.dimension = dimension;
        this.index = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            index.putIfAbsent(vocabulary[i], i);
        }
    }

    /**
     * Copies the vocabulary and vectors of a DL4J model (Word2Vec, GloVe, FastText, or vectors read
     * with {@code WordVectorSerializer}).
     *
     * @param vectors the model; only read
     * @return the neighbour index
     * @throws IllegalArgumentException if the model has no word
     */
    public static WordNeighbours of(WordVectors vectors) {
        Objects.requireNonNull(vectors, "vectors");
        VocabCache<?> vocab = vectors.vocab();
        int size = vocab == null ? 0 : vocab.numWords();
        if (size == 0) {
            throw new IllegalArgumentException("the word vectors have an empty vocabulary");
        }
        List<String> words = new ArrayList<>(size);
        List<double[]> rows = new ArrayList<>(size);
        int dimension = -1;
        for (int i = 0; i < size; i++) {
            String word = vocab.wordAtIndex(i);
            if (word == null) {
                continue;
            }
            double[] v = vectors.getWordVector(word);
            if (v == null) {
                continue;
            }
            if (dimension < 0) {
                dimension = v.length;
            } else if (v.length != dimension) {
                throw new IllegalArgumentException("word " + word + " has a vector of length " + v.length + ", not "
                        + dimension);
            }
            words.add(word);
            rows.add(v);
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the word vectors have no readable vector");
        }
        return of(words, rows);
    }

    /**
     * Builds the index from plain arrays (e.g. vectors from another library).
     *
     * @param words   the vocabulary, in a fixed order (ties are broken towards earlier words)
     * @param vectors one vector per word, all of the same length
     * @return the neighbour index
     */
    public static WordNeighbours of(List<String> words, List<double[]> vectors) {
        if (words.size() != vectors.size() || words.isEmpty()) {
            throw new IllegalArgumentException("need one vector per word and at least one word; got " + words.size()
                    + " words and " + vectors.size() + " vectors");
        }
        int dimension = vectors.get(0).length;
        float[] unit = new float[words.size() * dimension];
        for (int i = 0; i < words.size(); i++) {
            double[] v = vectors.get(i);
            if (v.length != dimension) {
                throw new IllegalArgumentException("word " + words.get(i) + " has a vector of length " + v.length
                        + ", not " + dimension);
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dimension; j++) {
                unit[i * dimension + j] = norm == 0 ? 0f : (float) (v[j] / norm);
            }
        }
        return new WordNeighbours(words.toArray(new String[0]), unit, dimension);
    }

    /** @return the number of words */
    public int size() {
        return vocabulary.length;
    }

    /** @return the vector length */
    public int dimension() {
        return dimension;
    }

    /**
     * @param word a word as it appears in a text
     * @return whether it has a vector (exactly or in lower case)
     */
    public boolean contains(String word) {
        return find(word) >= 0;
    }

    /**
     * The nearest words by cosine similarity, most similar first, ties to the earlier vocabulary
     * entry; the word itself and words equal to it ignoring case are left out.
     *
     * @param word a word as it appears in a text
     * @param n    how many, at least 1
     * @return at most {@code n} neighbours, or an empty list if the word has no vector
     */
    public List<String> nearest(String word, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        return cache.computeIfAbsent(n + "\u0000" + word, key -> Collections.unmodifiableList(search(word, n)));
    }

    private int find(String word) {
        Integer i = index.get(word);
        if (i == null) {
            i = index.get(word.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    private List<String> search(String word, int n) {
        int q = find(word);
        if (q < 0) {
            return List.of();
        }
        int size = vocabulary.length;
        int[] best = new int[n];
        float[] bestSim = new float[n];
        int count = 0;
        int qOff = q * dimension;
        for (int i = 0; i < size; i++) {
            if (i == q || vocabulary[i].equalsIgnoreCase(word)) {
                continue;
            }
            float sim = 0;
            int off = i * dimension;
            for (int j = 0; j < dimension; j++) {
                sim += unitVectors[qOff + j] * unitVectors[off + j];
            }
            if (count == n && sim <= bestSim[n - 1]) {
                continue;
            }
            // insert keeping descending similarity; equal similarity keeps the earlier word first
            int at = count == n ? n - 1 : count++;
            while (at > 0 && bestSim[at - 1] < sim) {
                best[at] = best[at - 1];
                bestSim[at] = bestSim[at - 1];
                at--;
            }
            best[at] = i;
            bestSim[at] = sim;
        }
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(vocabulary[best[i]]);
        }
        return result;
    }

    @Override
    public String toString() {
        return "WordNeighbours[" + vocabulary.length + " words x " + dimension + "]";
    }
}
