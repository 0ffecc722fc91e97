package dev.limelight.text.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the classifiers of this package read a text: lower-cased runs of at least two word
 * characters (letters, numbers, {@code _}), as scikit-learn's default {@code token_pattern}
 * {@code (?u)\b\w\w+\b} with {@code lowercase=True}. So {@code NNTP-Posting-Host} gives
 * {@code nntp}, {@code posting}, {@code host}. Thread-safe.
 */
public final class Terms {

    /** Minimum term length: 2. */
    public static final int MIN_LENGTH = 2;

    private Terms() {
    }

    /**
     * @param text any text
     * @return its terms in text order, repeats included
     */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordCharacter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int codePoints = 0;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordCharacter(cp)) {
                    break;
                }
                i += Character.charCount(cp);
                codePoints++;
            }
            if (codePoints >= MIN_LENGTH) {
                terms.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }

    /** Python's Unicode {@code \w}: letters, numbers and the underscore. */
    static boolean isWordCharacter(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
