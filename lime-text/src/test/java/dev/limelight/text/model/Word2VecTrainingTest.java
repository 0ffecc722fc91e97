package dev.limelight.text.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.text.corpus.Corpus;
import java.util.List;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.junit.jupiter.api.Test;

class Word2VecTrainingTest {

    @Test
    void itTrainsVectorsForTheCorpusTermsSeenOftenEnough() {
        Word2Vec vectors = new Word2VecTraining(16, 3, 3, 2, 1, 7).train(Corpus.texts(TinyCorpus.reviews(150, 1)));
        assertTrue(vectors.hasWord("wonderful"));
        assertTrue(vectors.hasWord("river"));
        assertFalse(vectors.hasWord("Wonderful"), "terms are lower case");
        assertEquals(16, vectors.getWordVector("plot").length);
    }

    @Test
    void aCorpusWithoutTermsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Word2VecTraining.DEFAULTS.train(List.of("a b", "!!")));
    }
}
