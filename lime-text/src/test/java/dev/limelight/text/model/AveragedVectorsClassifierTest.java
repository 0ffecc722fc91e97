package dev.limelight.text.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AveragedVectorsClassifierTest {

    /** Positive cue words point one way, negative ones the other, filler words elsewhere. */
    private static Word2Vec vectors(Path dir) throws Exception {
        StringBuilder file = new StringBuilder("20 3\n");
        file.append("wonderful 1 0 0\ngreat 0.9 0.1 0\nawful -1 0 0\nboring -0.9 0.1 0\n");
        for (String w : List.of("the", "film", "story", "actor", "scene", "plot", "music", "ending", "camera", "script",
                "light", "night", "city", "house", "river", "train")) {
            file.append(w).append(' ').append(w.length() % 3 == 0 ? "0 1 0" : w.length() % 3 == 1 ? "0 0 1" : "0 0.7 0.7")
                    .append('\n');
        }
        Path path = dir.resolve("v.txt");
        Files.writeString(path, file.toString(), StandardCharsets.UTF_8);
        return WordVectorSerializer.readWord2VecModel(new File(path.toString()));
    }

    @Test
    void itLearnsFromTheDirectionOfTheAveragedVectors(@TempDir Path dir) throws Exception {
        AveragedVectorsClassifier model = AveragedVectorsClassifier.train(TinyCorpus.reviews(200, 1),
                List.of("negative", "positive"), vectors(dir), 8, new TrainingOptions(40, 32, 0.02, 1e-4, 0));
        assertEquals(20, model.vocabularySize());
        assertTrue(HeldOut.accuracy(model, TinyCorpus.reviews(60, 2), 16) >= 0.95);
    }

    @Test
    void itKeepsItsOwnCopyOfTheVectors(@TempDir Path dir) throws Exception {
        Word2Vec vectors = vectors(dir);
        AveragedVectorsClassifier model = AveragedVectorsClassifier.train(TinyCorpus.reviews(40, 1),
                List.of("negative", "positive"), vectors, 4, new TrainingOptions(2, 32, 0.02, 1e-4, 0));
        List<String> texts = List.of("great plot", "boring river");
        float[] before = model.predict(texts).ravel().toFloatVector();
        vectors.wordsNearest("great", 3); // DL4J rescales its table in place
        assertArrayEquals(before, model.predict(texts).ravel().toFloatVector(), 0f);
    }

    @Test
    void aTextWithoutKnownWordsGivesAZeroFeatureRow(@TempDir Path dir) throws Exception {
        AveragedVectorsClassifier model = AveragedVectorsClassifier.train(TinyCorpus.reviews(40, 1),
                List.of("negative", "positive"), vectors(dir), 4, new TrainingOptions(1, 32, 0.02, 1e-4, 0));
        assertEquals(0.0, model.features(List.of("zzz qqq")).sumNumber().doubleValue());
    }
}
