package dev.limelight.studies.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.text.corpus.LabelledText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word classes behind HeaderFinding's figures. */
class NewsgroupsStudyTest {

    private static final String POST = "From: ann@athos.rutgers.edu\nNNTP-Posting-Host: athos\n\n"
            + "In article <1@athos> bob writes:\n> God is love\nGod is love, says Ann.\n";

    @Test
    void everyCharacterOfAPostIsHeaderQuoteOrOwnText() {
        byte[] r = NewsgroupsStudy.regions(POST);
        assertEquals(1, r[0], "header");
        assertEquals(2, r[POST.indexOf("In article")], "attribution");
        assertEquals(2, r[POST.indexOf("> God")], "quote");
        assertEquals(0, r[POST.lastIndexOf("God")], "own text");
    }

    @Test
    void metadataWordsAreThoseMostlySeenInHeadersAndQuotes() {
        Set<String> metadata = NewsgroupsStudy.metadataWords(List.of(new LabelledText("p", POST, 0)));
        assertTrue(metadata.containsAll(Set.of("athos", "nntp", "posting", "host", "rutgers", "writes")), metadata.toString());
        assertFalse(metadata.contains("says"), "own words are content");
        assertTrue(metadata.contains("god"), "once quoted, once own: a tie counts as metadata");
    }
}
