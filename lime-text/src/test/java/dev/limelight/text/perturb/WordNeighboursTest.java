package dev.limelight.text.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.testing.SharedData;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordNeighboursTest {

    @TempDir
    Path dir;

    @Test
    void nearestWordsComeInOrderOfCosineSimilarity() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        assertEquals(List.of("great", "fine"), n.nearest("good", 2));
        assertEquals(List.of("awful"), n.nearest("bad", 1));
    }

    @Test
    void theWordItselfAndItsCaseVariantsAreNeverItsNeighbours() {
        WordNeighbours n = WordNeighbours.of(List.of("Good", "good", "great"),
                List.of(new double[] {1, 0}, new double[] {1, 0}, new double[] {0.9, 0.1}));
        assertEquals(List.of("great"), n.nearest("good", 5));
        assertEquals(List.of("great"), n.nearest("GOOD", 5), "looked up in lower case");
    }

    @Test
    void aWordWithoutAVectorHasNoNeighbours() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        assertFalse(n.contains("zebra"));
        assertEquals(List.of(), n.nearest("zebra", 3));
    }

    @Test
    void equallySimilarWordsKeepTheirVocabularyOrder() {
        WordNeighbours n = WordNeighbours.of(List.of("q", "b", "a", "c"),
                List.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {0, 1}, new double[] {0, 2}));
        assertEquals(List.of("b", "a", "c"), n.nearest("q", 3));
    }

    @Test
    void buildingTheIndexNeverWritesTheModelsVectors() throws Exception {
        Word2Vec model = Vectors.tiny(dir);
        double[] before = model.getWordVector("fine");
        WordNeighbours.of(model).nearest("good", 3);
        assertArrayEquals(before, model.getWordVector("fine"), 0.0);
    }

    @Test
    void dl4jsOwnWordsNearestRescalesTheModelsVectorsInPlace() throws Exception {
        // Why WordNeighbours copies the vectors: after DL4J's wordsNearest, "fine" no longer reads
        // (0.8, 0.3, 0.1) but its unit vector, so a classifier sharing the model would change.
        Word2Vec model = Vectors.tiny(dir);
        double[] before = model.getWordVector("fine");
        model.wordsNearest("good", 2);
        double[] after = model.getWordVector("fine");
        assertEquals(0.8, before[0], 1e-6);
        assertEquals(0.8 / Math.sqrt(0.74), after[0], 1e-5);
    }

    @Test
    void neighboursInSharedVectorsAgreeWithDl4jsCosineSimilarity() throws Exception {
        Path file = SharedData.require("embeddings/sample_vec.txt");
        Word2Vec model = WordVectorSerializer.readWord2VecModel(new File(file.toString()));
        WordNeighbours n = WordNeighbours.of(model);
        assertEquals(163, n.size());
        assertEquals(200, n.dimension());
        List<String> near = n.nearest("database", 5);
        assertEquals(5, near.size());
        assertFalse(near.contains("database"));
        double previous = Double.POSITIVE_INFINITY;
        for (String w : near) {
            double sim = model.similarity("database", w);
            assertTrue(sim <= previous + 1e-6, "descending similarity: " + near);
            previous = sim;
        }
        for (String w : model.vocab().words()) {
            if (!near.contains(w) && !w.equalsIgnoreCase("database")) {
                assertTrue(model.similarity("database", w) <= previous + 1e-6, w + " is nearer than " + near);
            }
        }
    }
}
