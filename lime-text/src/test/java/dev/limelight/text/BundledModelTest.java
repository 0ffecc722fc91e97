package dev.limelight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.text.model.BagOfWordsClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo (lime-text/bundled): the 20 Newsgroups model trained with headers and two
 * held-out posts. The Darwin-fish post is about a car emblem, yet the model calls it atheism
 * because of its NNTP-Posting-Host header, which its explanation shows, as in the LIME paper.
 */
class BundledModelTest {

    private static final Path BUNDLED = Path.of("bundled");
    private static BagOfWordsClassifier model;

    @BeforeAll
    static void load() throws Exception {
        model = BagOfWordsClassifier.load(BUNDLED.resolve("newsgroups-religion-bow.zip"));
    }

    private static String sample(String name) throws Exception {
        return Files.readString(BUNDLED.resolve("samples").resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void theBundledModelIsSmallAndKnowsTheTwoGroups() throws Exception {
        assertTrue(Files.size(BUNDLED.resolve("newsgroups-religion-bow.zip")) < 1_000_000);
        assertEquals(List.of("alt.atheism", "soc.religion.christian"), model.classNames());
    }

    @Test
    void theDarwinFishPostIsCalledAtheismBecauseOfItsHeader() throws Exception {
        TextExplanation e = new TextExplainer(TextExplainerOptions.builder().topLabels(1).build())
                .explain(sample("darwin-fish.txt"), model);
        assertEquals(0, e.predictedLabel());
        List<String> top = e.first().top(10).stream().map(WordWeight::word).toList();
        assertTrue(top.containsAll(Set.of("Posting", "Host", "NNTP")), "header words explain it: " + top);
        for (WordWeight w : e.first().top(10)) {
            if (Set.of("Posting", "Host", "NNTP").contains(w.word())) {
                assertTrue(w.weight() > 0, "and push towards atheism: " + w);
            }
        }
    }

    @Test
    void theChristianReformedPostIsExplainedByChurchWords() throws Exception {
        TextExplanation e = new TextExplainer(TextExplainerOptions.builder().build())
                .explain(sample("christian-reformed.txt"), model);
        assertEquals(1, e.predictedLabel());
        List<String> top = e.label(1).top(5).stream().map(WordWeight::word).toList();
        assertTrue(top.contains("Church") || top.contains("churches"), "content words: " + top);
    }
}
