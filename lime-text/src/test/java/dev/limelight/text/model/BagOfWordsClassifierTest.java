package dev.limelight.text.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.OutputKind;
import dev.limelight.core.TextClassifier;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.corpus.LabelledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class BagOfWordsClassifierTest {

    private static final List<String> CLASSES = List.of("negative", "positive");
    private static BagOfWordsClassifier model;

    @BeforeAll
    static void train() {
        model = BagOfWordsClassifier.train(TinyCorpus.reviews(200, 1), CLASSES, 2, 1000,
                new TrainingOptions(30, 32, 0.05, 1e-4, 0));
    }

    @Test
    void itLearnsTheCueWordsOfATinyCorpus() {
        List<LabelledText> heldOut = TinyCorpus.reviews(60, 2);
        assertEquals(1.0, HeldOut.accuracy(model, heldOut, 16));
    }

    @Test
    void itsOutputRowsAreProbabilities() {
        double[] p = model.predict(List.of("a wonderful film", "")).getRow(1).toDoubleVector();
        assertEquals(1.0, p[0] + p[1], 1e-5);
        assertEquals(2, model.classCount());
        assertEquals(CLASSES, model.classNames());
    }

    @Test
    void anExplanationOfItsPredictionPointsAtTheCueWord() {
        TextExplanation e = new TextExplainer(TextExplainerOptions.builder().samples(500).build())
                .explain("the plot was wonderful and the music too", model);
        assertEquals("wonderful", e.label(1).words().get(0).word());
        assertTrue(e.label(1).words().get(0).weight() > 0);
    }

    @Test
    void savingAndLoadingGivesTheSamePredictions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        model.save(file);
        BagOfWordsClassifier loaded = BagOfWordsClassifier.load(file);
        List<String> texts = List.of("great scene", "boring ending", "the river at night");
        assertArrayEquals(model.predict(texts).ravel().toFloatVector(), loaded.predict(texts).ravel().toFloatVector(), 0f);
        assertEquals(model.vocabulary().terms(), loaded.vocabulary().terms());
        assertEquals(CLASSES, loaded.classNames());
    }

    @Test
    void loadingAMissingFileNamesIt(@TempDir Path dir) {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> BagOfWordsClassifier.load(dir.resolve("absent.zip")));
        assertTrue(e.getMessage().contains("absent.zip"), e.getMessage());
    }

    @Test
    void loadingAnotherKindOfFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-model.zip");
        Files.write(file, new byte[] {80, 75, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BagOfWordsClassifier.load(file));
        assertTrue(e.getMessage().contains("not a Limelight bag-of-words model"), e.getMessage());
    }

    @Test
    void itsLogitSpaceScoresTheNetworkBeforeItsSoftmax() {
        List<String> texts = List.of("great film, loved it", "dull and far too long", "fine");
        TextClassifier logits = model.inLogitSpace();
        INDArray z = logits.predict(texts);

        assertEquals(OutputKind.LOGIT, logits.outputKind());
        assertTrue(Transforms.softmax(z, true).equalsWithEps(model.predict(texts), 1e-5),
                "softmax of the logits is the probabilities");
        assertTrue(Math.abs(z.getDouble(0, 0) - Math.log(model.predict(texts).getDouble(0, 0))) > 1e-3,
                "and they are not log-probabilities");
    }
}
