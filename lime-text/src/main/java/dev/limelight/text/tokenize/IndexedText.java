package dev.limelight.text.tokenize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A text cut into tokens, with the interpretable features LIME perturbs: the reference's
 * {@code IndexedString} (word level) and {@code IndexedCharacters} (character level).
 *
 * <p>Made by {@link Tokenizer#tokenize(String)}. The tokens ({@code as_list}) are words and
 * separators in text order at word level, one code point each at character level; joined they
 * give the text back. Each feature is a word (or character):
 * <ul>
 *   <li>bag of words ({@code bow=True}): one feature per distinct token string, in order of first
 *       appearance; removing it removes every occurrence;</li>
 *   <li>positional ({@code bow=False}): one feature per occurrence; a removed occurrence is
 *       replaced by the mask string ({@code UNKWORDZ} for words, U+0000 for characters), so the
 *       other words keep their positions.</li>
 * </ul>
 *
 * <p>Every accessor agrees with the reference on its golden outputs
 * ({@code extras_text_tokenization.json}). Where Limelight differs: offsets
 * ({@link #tokenStarts()}, {@link #stringPositions(int)}) count Java {@code char}s (UTF-16
 * units), so they index the Java string; the reference counts code points. They are equal for
 * text in the Basic Multilingual Plane (every golden case) and differ after a supplementary
 * character such as an emoji. Instances are immutable.
 */
public final class IndexedText {

    private final String raw;
    private final boolean bagOfWords;
    private final boolean characterLevel;
    private final String maskString;
    private final List<String> tokens;
    private final int[] tokenStarts;
    private final List<String> words;
    private final int[][] positions;
    private final int[] featureOfToken;

    IndexedText(String raw, List<String> tokens, boolean[] separator, boolean bagOfWords, boolean characterLevel,
                String maskString) {
        this.raw = raw;
        this.bagOfWords = bagOfWords;
        this.characterLevel = characterLevel;
        this.maskString = maskString;
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        int n = tokens.size();
        // string_start = hstack([0], cumsum(len(token) for token in tokens[:-1])): one entry even for no token
        this.tokenStarts = new int[Math.max(1, n)];
        for (int i = 1; i < n; i++) {
            tokenStarts[i] = tokenStarts[i - 1] + tokens.get(i - 1).length();
        }
        this.featureOfToken = new int[n];
        List<String> vocabulary = new ArrayList<>();
        List<List<Integer>> occurrences = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (separator[i]) {
                featureOfToken[i] = -1;
                continue;
            }
            String token = tokens.get(i);
            Integer id = bagOfWords ? index.get(token) : null;
            if (id == null) {
                id = vocabulary.size();
                vocabulary.add(token);
                occurrences.add(new ArrayList<>(1));
                if (bagOfWords) {
                    index.put(token, id);
                }
            }
            occurrences.get(id).add(i);
            featureOfToken[i] = id;
        }
        this.words = Collections.unmodifiableList(vocabulary);
        this.positions = new int[vocabulary.size()][];
        for (int id = 0; id < positions.length; id++) {
            positions[id] = occurrences.get(id).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** @return the text as given ({@code raw_string()}) */
    public String raw() {
        return raw;
    }

    /** @return true for bag of words, false for positional features */
    public boolean isBagOfWords() {
        return bagOfWords;
    }

    /** @return true if the features are characters rather than words */
    public boolean isCharacterLevel() {
        return characterLevel;
    }

    /** @return what a removed occurrence is replaced by in positional mode */
    public String maskString() {
        return maskString;
    }

    /** @return the tokens in text order, separators included ({@code as_list}) */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * @return the offset of every token in the text ({@code string_start}); for a text without
     *         tokens, the single offset 0, as the reference
     */
    public int[] tokenStarts() {
        return tokenStarts.clone();
    }

    /** @return d, the number of features ({@code num_words()}) */
    public int featureCount() {
        return words.size();
    }

    /**
     * @param feature a feature index, 0..d-1
     * @return its word or character ({@code word(id_)})
     */
    public String word(int feature) {
        checkFeature(feature);
        return words.get(feature);
    }

    /** @return the word of every feature, by feature index ({@code inverse_vocab}) */
    public List<String> words() {
        return words;
    }

    /**
     * @param feature a feature index, 0..d-1
     * @return the token indices of its occurrences: every occurrence in bag-of-words mode, the one
     *         occurrence in positional mode ({@code positions[id_]})
     */
    public int[] positions(int feature) {
        checkFeature(feature);
        return positions[feature].clone();
    }

    /**
     * @param feature a feature index, 0..d-1
     * @return the text offsets of its occurrences ({@code string_position(id_)})
     */
    public int[] stringPositions(int feature) {
        checkFeature(feature);
        int[] tokensOfFeature = positions[feature];
        int[] offsets = new int[tokensOfFeature.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = tokenStarts[tokensOfFeature[i]];
        }
        return offsets;
    }

    /**
     * @param token a token index, 0..tokens().size()-1
     * @return the feature of that token, or -1 for a separator
     */
    public int featureOfToken(int token) {
        Objects.checkIndex(token, featureOfToken.length);
        return featureOfToken[token];
    }

    /**
     * The text with some features taken out, as the reference's {@code inverse_removing}: in
     * bag-of-words mode every occurrence of a removed word is deleted (its neighbouring separators
     * stay); in positional mode each removed occurrence is replaced by the mask string.
     *
     * @param removed feature indices to take out (repeats are harmless)
     * @return the perturbed text
     * @throws IndexOutOfBoundsException if an index is out of range
     * @throws IllegalStateException     in positional mode for a text without any feature, where
     *                                   the reference raises {@code IndexError} too
     */
    public String inverseRemoving(Collection<Integer> removed) {
        Objects.requireNonNull(removed, "removed");
        int[] ids = removed.stream().mapToInt(Integer::intValue).toArray();
        return inverseRemoving(ids);
    }

    /**
     * Array form of {@link #inverseRemoving(Collection)}.
     *
     * @param removed feature indices to take out
     * @return the perturbed text
     */
    public String inverseRemoving(int... removed) {
        if (!bagOfWords && words.isEmpty()) {
            throw new IllegalStateException("a positional tokenisation of a text without words has nothing to mask "
                    + "(the reference raises IndexError here); explainers reject such texts up front");
        }
        boolean[] gone = new boolean[words.size()];
        for (int id : removed) {
            checkFeature(id);
            gone[id] = true;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < tokens.size(); i++) {
            int f = featureOfToken[i];
            if (f < 0 || !gone[f]) {
                out.append(tokens.get(i));
            } else if (!bagOfWords) {
                out.append(maskString);
            }
        }
        return out.toString();
    }

    private void checkFeature(int feature) {
        if (feature < 0 || feature >= words.size()) {
            throw new IndexOutOfBoundsException("feature " + feature + " is out of range: the text has "
                    + words.size() + " features");
        }
    }

    @Override
    public String toString() {
        String preview = raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
        return "IndexedText[" + (characterLevel ? "characters" : "words") + ", " + (bagOfWords ? "bag of words"
                : "positional") + ", features=" + words.size() + ", tokens=" + tokens.size() + ", text=\""
                + preview.replace("\n", "\\n") + "\"]";
    }
}
