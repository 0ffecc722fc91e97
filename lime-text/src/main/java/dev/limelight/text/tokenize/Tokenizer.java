package dev.limelight.text.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts texts into the interpretable features LIME perturbs, as the reference's
 * {@code LimeTextExplainer} does with {@code IndexedString} or {@code IndexedCharacters}. Built
 * with {@link #builder()}; the defaults are the reference's:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>reference</th></tr>
 *   <tr><td>{@link Builder#bagOfWords(boolean) bagOfWords}</td><td>true</td><td>bow=True</td></tr>
 *   <tr><td>{@link Builder#characterLevel(boolean) characterLevel}</td><td>false</td>
 *       <td>char_level=False</td></tr>
 *   <tr><td>{@link Builder#split(SplitExpression) split}</td><td>{@code \W+} with Python's
 *       Unicode meaning ({@link SplitExpression#NON_WORD})</td><td>split_expression=r'\W+'</td></tr>
 *   <tr><td>{@link Builder#maskString(String) maskString}</td><td>{@value #WORD_MASK} for words,
 *       U+0000 for characters</td><td>mask_string=None</td></tr>
 * </table>
 *
 * <p>Not taken from the reference: a callable {@code split_expression} (a Java user can pass any
 * {@link java.util.regex.Pattern} through {@link SplitExpression#java}). Instances are immutable
 * and thread-safe.
 */
public final class Tokenizer {

    /** The reference's mask for a removed word in positional mode. */
    public static final String WORD_MASK = "UNKWORDZ";

    /** The reference's mask for a removed character in positional mode: U+0000. */
    public static final String CHARACTER_MASK = "\0";

    private final boolean bagOfWords;
    private final boolean characterLevel;
    private final SplitExpression split;
    private final String maskString;

    private Tokenizer(Builder b) {
        this.bagOfWords = b.bagOfWords;
        this.characterLevel = b.characterLevel;
        this.split = b.split;
        this.maskString = b.maskString;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the reference's default: bag of words, split on {@code \W+} */
    public static Tokenizer defaults() {
        return builder().build();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder().bagOfWords(bagOfWords).characterLevel(characterLevel).split(split)
                .maskString(maskString);
    }

    /** @return true if a feature is a distinct word, false if it is one occurrence */
    public boolean bagOfWords() {
        return bagOfWords;
    }

    /** @return true if features are characters */
    public boolean characterLevel() {
        return characterLevel;
    }

    /** @return the word separator expression (unused at character level) */
    public SplitExpression split() {
        return split;
    }

    /** @return the mask string in effect: the one set, or the default for the level */
    public String maskString() {
        if (maskString != null) {
            return maskString;
        }
        return characterLevel ? CHARACTER_MASK : WORD_MASK;
    }

    /**
     * Tokenises a text.
     *
     * @param text any text, empty included (it has no feature)
     * @return the tokens and features
     */
    public IndexedText tokenize(String text) {
        Objects.requireNonNull(text, "text");
        List<String> tokens;
        boolean[] separator;
        if (characterLevel) {
            tokens = new ArrayList<>(text.length());
            text.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
            separator = new boolean[tokens.size()];
        } else {
            tokens = split.split(text);
            separator = new boolean[tokens.size()];
            for (int i = 0; i < separator.length; i++) {
                separator[i] = split.isSeparator(tokens.get(i));
            }
        }
        return new IndexedText(text, tokens, separator, bagOfWords, characterLevel, maskString());
    }

    @Override
    public String toString() {
        return "Tokenizer[" + (characterLevel ? "characters" : "words split on " + split) + ", "
                + (bagOfWords ? "bag of words" : "positional, mask " + printable(maskString())) + "]";
    }

    private static String printable(String s) {
        return s.equals(CHARACTER_MASK) ? "U+0000" : "\"" + s + "\"";
    }

    /** Builder of {@link Tokenizer}; setters validate at once. */
    public static final class Builder {
        private boolean bagOfWords = true;
        private boolean characterLevel;
        private SplitExpression split = SplitExpression.NON_WORD;
        private String maskString;

        private Builder() {
        }

        /**
         * @param bagOfWords true (default): a feature is a distinct word and removing it removes every
         *                   occurrence; false: a feature is one occurrence, masked on its own
         * @return this builder
         */
        public Builder bagOfWords(boolean bagOfWords) {
            this.bagOfWords = bagOfWords;
            return this;
        }

        /**
         * @param characterLevel true: features are characters (code points); default false (words)
         * @return this builder
         */
        public Builder characterLevel(boolean characterLevel) {
            this.characterLevel = characterLevel;
            return this;
        }

        /**
         * @param split the word separator expression; default {@link SplitExpression#NON_WORD}
         * @return this builder
         */
        public Builder split(SplitExpression split) {
            this.split = Objects.requireNonNull(split, "split");
            return this;
        }

        /**
         * Sets the separator expression from Python syntax, as the reference's
         * {@code split_expression}; see {@link SplitExpression#python(String)}.
         *
         * @param pythonRegex e.g. {@code \s+}
         * @return this builder
         */
        public Builder split(String pythonRegex) {
            return split(SplitExpression.python(pythonRegex));
        }

        /**
         * @param maskString what replaces a removed occurrence in positional mode; null (default)
         *                   for {@value Tokenizer#WORD_MASK} at word level and U+0000 at character
         *                   level
         * @return this builder
         */
        public Builder maskString(String maskString) {
            this.maskString = maskString;
            return this;
        }

        /** @return the tokenizer */
        public Tokenizer build() {
            return new Tokenizer(this);
        }
    }
}
