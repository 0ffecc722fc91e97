package dev.limelight.text.perturb;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.word2vec.Word2Vec;

/** A tiny DL4J word-vector model written in the word2vec text format and read back with DL4J. */
final class Vectors {

    /** good ~ great ~ fine (in that order), bad ~ awful, movie ~ film; plot apart. */
    static final String TINY = "8 3\n"
            + "good 1.0 0.0 0.0\n"
            + "great 0.95 0.1 0.0\n"
            + "fine 0.8 0.3 0.1\n"
            + "bad -1.0 0.0 0.1\n"
            + "awful -0.9 0.1 0.2\n"
            + "movie 0.0 1.0 0.0\n"
            + "film 0.1 0.95 0.0\n"
            + "plot 0.0 0.0 1.0\n";

    private Vectors() {
    }

    static Word2Vec tiny(Path dir) throws IOException {
        Path file = dir.resolve("tiny.txt");
        Files.writeString(file, TINY, StandardCharsets.UTF_8);
        return WordVectorSerializer.readWord2VecModel(new File(file.toString()));
    }
}
