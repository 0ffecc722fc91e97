package dev.limelight.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SplitExpressionTest {

    @Test
    void pythonWordClassKeepsAccentedAndCjkWordsWhole() {
        assertEquals(List.of("Café", " ", "東京", ", ", "Zürich"), SplitExpression.NON_WORD.split("Café 東京, Zürich"));
    }

    @Test
    void pythonWordClassCountsUnderscoreAndNumbersAsWordCharacters() {
        assertEquals(List.of("stop_me", " ", "42", " ", "x²"), SplitExpression.NON_WORD.split("stop_me 42 x²"));
    }

    @Test
    void pythonWhitespaceClassIncludesNoBreakSpaceButJavasAsciiClassDoesNot() {
        assertEquals(List.of("a", "\u00a0", "b"), SplitExpression.python("\\s+").split("a\u00a0b"));
        assertEquals(List.of("a\u00a0b"), SplitExpression.java(Pattern.compile("\\s+")).split("a\u00a0b"));
    }

    @Test
    void pythonDigitClassIsUnicodeDecimalDigits() {
        assertEquals(List.of("a", "٣", "b"), SplitExpression.python("\\d").split("a٣b"));
    }

    @Test
    void shorthandClassesInsideBracketsAreTranslatedToo() {
        assertEquals(List.of("l'été", " - ", "ok"), SplitExpression.python("[^\\w']+").split("l'été - ok"));
    }

    @Test
    void bracketAndAmpersandInsideAClassAreLiteralAsInPython() {
        assertEquals(List.of("a", "&", "b", "[", "c"), SplitExpression.python("[&[]").split("a&b[c"));
    }

    @Test
    void pythonNamedGroupsAreAccepted() {
        assertEquals(List.of("a", "--", "b"), SplitExpression.python("(?P<dash>-)(?P=dash)").split("a--b"));
    }

    @Test
    void aPieceIsASeparatorWhenTheExpressionMatchesAtItsStart() {
        assertTrue(SplitExpression.NON_WORD.isSeparator(", "));
        assertFalse(SplitExpression.NON_WORD.isSeparator("word"));
    }

    @Test
    void splittingNeverLosesACharacter() {
        String text = "  Re: NNTP-Posting-Host: cs.cmu.edu\n\n(é) -- ok!\n";
        assertEquals(text, String.join("", SplitExpression.NON_WORD.split(text)));
    }

    @Test
    void anEmptyOrInvalidExpressionIsRejectedWithItsName() {
        assertThrows(IllegalArgumentException.class, () -> SplitExpression.python(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitExpression.python("(\\W"));
        assertTrue(e.getMessage().contains("(\\W"), e.getMessage());
    }
}
