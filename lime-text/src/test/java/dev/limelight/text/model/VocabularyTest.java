package dev.limelight.text.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final List<String> DOCS = List.of("god is love", "love thy neighbour", "god god god", "rare words");

    @Test
    void termsInFewerDocumentsThanTheMinimumAreLeftOut() {
        assertEquals(List.of("god", "love"), Vocabulary.fit(DOCS, 2, 100).terms());
    }

    @Test
    void theMostFrequentTermsAreKeptWhenTheVocabularyIsCapped() {
        assertEquals(List.of("god"), Vocabulary.fit(List.of("god love", "god", "god love", "god x"), 1, 1).terms());
    }

    @Test
    void idfIsScikitLearnsSmoothedIdf() {
        Vocabulary v = Vocabulary.fit(DOCS, 2, 100);
        assertEquals(Math.log(5.0 / 3.0) + 1, v.idf(v.indexOf("god")), 1e-12);
    }

    @Test
    void anEmptyVocabularyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fit(List.of("a b", "c d"), 2, 10));
    }
}
