package dev.limelight.text.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void termsAreLowerCasedRunsOfAtLeastTwoWordCharacters() {
        assertEquals(List.of("nntp", "posting", "host", "cs", "cmu", "edu"),
                Terms.of("NNTP-Posting-Host: cs.cmu.edu (a) I"));
    }

    @Test
    void accentedAndNonLatinWordsStayWhole() {
        assertEquals(List.of("café", "東京", "zürich", "stop_me", "42"), Terms.of("Café 東京 Zürich stop_me 42"));
    }
}
