package dev.limelight.text.perturb;

import dev.limelight.text.tokenize.IndexedText;

/**
 * What a perturbed text shows in place of a removed word. LIME perturbs a text by taking words
 * out (Ribeiro, Singh and Guestrin, KDD 2016, section 3.3); how they are taken out changes how far
 * the perturbed texts are from real ones, and so how much the model's answers on them say about its
 * behaviour near the original.
 *
 * <ul>
 *   <li>{@link #remove()}: the reference's {@code inverse_removing}, the default;</li>
 *   <li>{@link #mask(String)}: every removed occurrence becomes a fixed token;</li>
 *   <li>{@link #neighbour(WordNeighbours, int)}: every removed word becomes one of its nearest
 *       neighbours in a word-vector space (not in the reference), which keeps the perturbed texts
 *       grammatical and closer to what the model was trained on.</li>
 * </ul>
 *
 * <p>The interpretable representation and the distances are the same for every mode (a feature
 * is present or not), so the K-Lasso fit is unchanged; only the texts the model sees differ.
 */
public interface Perturbation {

    /**
     * Prepares the perturbed texts of one explanation.
     *
     * @param text the tokenised original
     * @param seed the explanation's seed; random choices (which neighbour) derive from it and the
     *             row, so they do not depend on the batch size or the order rows are built in
     * @return the builder of the texts of every row
     * @throws IllegalArgumentException if the mode cannot apply to this tokenisation
     */
    PerturbedTextBuilder prepare(IndexedText text, long seed);

    /**
     * The reference's perturbation: in bag-of-words mode every occurrence of a removed word is
     * deleted (the separators around it stay); in positional mode a removed occurrence is replaced
     * by the tokenizer's mask string ({@code UNKWORDZ}), as {@code IndexedString.inverse_removing}.
     *
     * @return the reference's removal
     */
    static Perturbation remove() {
        return Removal.INSTANCE;
    }

    /**
     * Every removed occurrence, in either mode, is replaced by {@code token}.
     *
     * @param token the mask token, e.g. {@code UNKWORDZ} or a model's {@code [MASK]}; may be empty
     * @return the masking perturbation
     */
    static Perturbation mask(String token) {
        return new Masking(token);
    }

    /**
     * Every removed word is replaced by one of its {@code topN} nearest neighbours (cosine
     * similarity) in a word-vector space, chosen uniformly from the explanation's seed and the
     * row; all occurrences of a word in one perturbed text get the same neighbour. The word itself
     * and its case variants are never chosen. A word absent from the vectors falls back to
     * {@link #remove()}'s treatment (deleted in bag-of-words mode, masked in positional mode).
     *
     * @param neighbours the word vectors' neighbour index
     * @param topN       how many nearest neighbours to choose from, at least 1
     * @return the neighbour replacement
     */
    static Perturbation neighbour(WordNeighbours neighbours, int topN) {
        return new NeighbourReplacement(neighbours, topN);
    }
}
