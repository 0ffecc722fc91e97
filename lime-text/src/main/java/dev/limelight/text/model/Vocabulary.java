package dev.limelight.text.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms a bag-of-words model knows, each with its inverse document frequency
 * {@code idf = ln((1 + n) / (1 + df)) + 1} (scikit-learn's smoothed idf). Immutable.
 */
public final class Vocabulary {

    private final List<String> terms;
    private final double[] idf;
    private final Map<String, Integer> index;

    /**
     * @param terms the terms, in column order
     * @param idf   their inverse document frequencies
     */
    public Vocabulary(List<String> terms, double[] idf) {
        if (terms.size() != idf.length || terms.isEmpty()) {
            throw new IllegalArgumentException("need one idf per term and at least one term; got " + terms.size()
                    + " terms and " + idf.length + " idf values");
        }
        this.terms = List.copyOf(terms);
        this.idf = idf.clone();
        this.index = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            if (index.put(terms.get(i), i) != null) {
                throw new IllegalArgumentException("term " + terms.get(i) + " appears twice");
            }
        }
    }

    /**
     * Builds the vocabulary of a training corpus: terms in at least {@code minDocumentFrequency}
     * documents, the {@code maxSize} most frequent of them (ties alphabetical), in alphabetical order.
     *
     * @param documents            the training texts
     * @param minDocumentFrequency at least 1
     * @param maxSize              at least 1
     * @return the vocabulary
     * @throws IllegalArgumentException if no term qualifies
     */
    public static Vocabulary fit(List<String> documents, int minDocumentFrequency, int maxSize) {
        if (minDocumentFrequency < 1 || maxSize < 1) {
            throw new IllegalArgumentException("minDocumentFrequency and maxSize must be >= 1, got "
                    + minDocumentFrequency + " and " + maxSize);
        }
        Map<String, Integer> df = new HashMap<>();
        for (String doc : documents) {
            Set<String> seen = new HashSet<>(Terms.of(doc));
            for (String t : seen) {
                df.merge(t, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        df.forEach((t, f) -> {
            if (f >= minDocumentFrequency) {
                kept.add(t);
            }
        });
        kept.sort(Comparator.comparing((String t) -> -df.get(t)).thenComparing(Comparator.naturalOrder()));
        List<String> chosen = new ArrayList<>(kept.subList(0, Math.min(maxSize, kept.size())));
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no term occurs in " + minDocumentFrequency + " or more of the "
                    + documents.size() + " documents");
        }
        chosen.sort(Comparator.naturalOrder());
        double n = documents.size();
        double[] idf = new double[chosen.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((1 + n) / (1 + df.get(chosen.get(i)))) + 1;
        }
        return new Vocabulary(chosen, idf);
    }

    /** @return the number of terms */
    public int size() {
        return terms.size();
    }

    /** @return the terms in column order */
    public List<String> terms() {
        return terms;
    }

    /**
     * @param term a term
     * @return its column, or -1 if unknown
     */
    public int indexOf(String term) {
        Integer i = index.get(term);
        return i == null ? -1 : i;
    }

    /**
     * @param column a column
     * @return the idf of that column's term
     */
    public double idf(int column) {
        return idf[column];
    }

    /** @return a copy of every idf, by column */
    public double[] idfs() {
        return idf.clone();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + terms.size() + " terms]";
    }
}
