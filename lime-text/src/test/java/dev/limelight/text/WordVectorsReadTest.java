package dev.limelight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DL4J's word-vector reader, which the neighbour perturbation builds on, is usable here. */
class WordVectorsReadTest {

    @Test
    void readsWord2VecTextFormatAndMeasuresCosineSimilarity(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vectors.txt");
        Files.writeString(file, "3 2\nking 1.0 0.0\nqueen 0.6 0.8\nsnow 0.0 -1.0\n", StandardCharsets.UTF_8);

        Word2Vec vectors = WordVectorSerializer.readWord2VecModel(new File(file.toString()));

        assertTrue(vectors.hasWord("queen"));
        assertEquals(0.6, vectors.similarity("king", "queen"), 1e-6);
        assertEquals(-0.8, vectors.similarity("queen", "snow"), 1e-6);
    }
}
