package dev.limelight.text.perturb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.sampling.SampleMatrix;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.text.tokenize.IndexedText;
import dev.limelight.text.tokenize.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerturbationTest {

    private static final String TEXT = "A good movie, a good plot and a bad ending.";

    @TempDir
    Path dir;

    private static List<Integer> removed(SampleMatrix s, int row) {
        List<Integer> removed = new ArrayList<>();
        for (int f = 0; f < s.features(); f++) {
            if (!s.keeps(row, f)) {
                removed.add(f);
            }
        }
        return removed;
    }

    @Test
    void removeBuildsTheReferencesInverseRemovingInBothModes() {
        for (boolean bow : new boolean[] {true, false}) {
            IndexedText text = Tokenizer.builder().bagOfWords(bow).build().tokenize(TEXT);
            SampleMatrix s = SampleMatrix.draw(200, text.featureCount(), 5, SamplingDesign.REMOVAL);
            PerturbedTextBuilder b = Perturbation.remove().prepare(text, 5);
            for (int row = 0; row < s.samples(); row++) {
                assertEquals(text.inverseRemoving(removed(s, row)), b.build(s, row), "bow=" + bow + " row " + row);
            }
        }
    }

    @Test
    void aRowThatKeepsEveryWordIsTheOriginalTextForEveryPerturbation() throws Exception {
        IndexedText text = Tokenizer.defaults().tokenize(TEXT);
        SampleMatrix s = SampleMatrix.draw(3, text.featureCount(), 1, SamplingDesign.REMOVAL);
        WordNeighbours neighbours = WordNeighbours.of(Vectors.tiny(dir));
        for (Perturbation p : List.of(Perturbation.remove(), Perturbation.mask("[MASK]"),
                Perturbation.neighbour(neighbours, 2))) {
            assertEquals(TEXT, p.prepare(text, 1).build(s, 0), p.toString());
        }
    }

    @Test
    void maskPutsTheTokenInPlaceOfEveryOccurrenceOfARemovedWord() {
        IndexedText text = Tokenizer.defaults().tokenize(TEXT);
        SampleMatrix s = SampleMatrix.draw(400, text.featureCount(), 9, SamplingDesign.REMOVAL);
        PerturbedTextBuilder b = Perturbation.mask("[MASK]").prepare(text, 9);
        int good = text.words().indexOf("good");
        int checked = 0;
        for (int row = 1; row < s.samples(); row++) {
            String t = b.build(s, row);
            int masks = t.split("\\[MASK]", -1).length - 1;
            int expected = 0;
            for (int f : removed(s, row)) {
                expected += text.positions(f).length;
            }
            assertEquals(expected, masks, t);
            if (!s.keeps(row, good)) {
                assertFalse(t.contains("good"), t);
                checked++;
            }
        }
        assertTrue(checked > 50);
    }

    @Test
    void neighbourReplacementPutsANearWordInPlaceOfARemovedOne() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        IndexedText text = Tokenizer.defaults().tokenize("good movie");
        SampleMatrix s = SampleMatrix.draw(300, 2, 4, SamplingDesign.REMOVAL);
        PerturbedTextBuilder b = Perturbation.neighbour(n, 2).prepare(text, 4);
        Set<String> seen = new HashSet<>();
        for (int row = 1; row < s.samples(); row++) {
            String[] words = b.build(s, row).split(" ");
            assertEquals(2, words.length, "every word is still there, possibly replaced");
            if (!s.keeps(row, 0)) {
                assertTrue(Set.of("great", "fine").contains(words[0]), words[0]);
                seen.add(words[0]);
            } else {
                assertEquals("good", words[0]);
            }
            if (s.keeps(row, 1)) {
                assertEquals("movie", words[1]);
            } else {
                assertTrue(Set.of("film", "fine").contains(words[1]), words[1]);
            }
        }
        assertEquals(Set.of("great", "fine"), seen, "both of the top 2 neighbours are used");
    }

    @Test
    void aReplacementKeepsTheCapitalisationOfTheWord() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        IndexedText text = Tokenizer.defaults().tokenize("Good MOVIE");
        SampleMatrix s = SampleMatrix.draw(50, 2, 4, SamplingDesign.REMOVAL);
        PerturbedTextBuilder b = Perturbation.neighbour(n, 1).prepare(text, 4);
        for (int row = 1; row < s.samples(); row++) {
            if (!s.keeps(row, 0) && !s.keeps(row, 1)) {
                assertEquals("Great FILM", b.build(s, row));
                return;
            }
        }
        throw new AssertionError("no row removed both words");
    }

    @Test
    void everyOccurrenceOfAReplacedWordGetsTheSameNeighbourInOneText() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        IndexedText text = Tokenizer.defaults().tokenize("good good good movie");
        SampleMatrix s = SampleMatrix.draw(100, 2, 8, SamplingDesign.REMOVAL);
        PerturbedTextBuilder b = Perturbation.neighbour(n, 2).prepare(text, 8);
        for (int row = 1; row < s.samples(); row++) {
            String[] w = b.build(s, row).split(" ");
            assertEquals(w[0], w[1]);
            assertEquals(w[1], w[2]);
        }
    }

    @Test
    void aWordWithoutAVectorFallsBackToRemoval() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        IndexedText text = Tokenizer.defaults().tokenize("zebra movie");
        SampleMatrix s = SampleMatrix.draw(100, 2, 4, SamplingDesign.REMOVAL);
        PerturbedTextBuilder b = Perturbation.neighbour(n, 2).prepare(text, 4);
        PerturbedTextBuilder removal = Perturbation.remove().prepare(text, 4);
        for (int row = 1; row < s.samples(); row++) {
            if (!s.keeps(row, 0) && s.keeps(row, 1)) {
                assertEquals(removal.build(s, row), b.build(s, row));
                assertEquals(" movie", b.build(s, row));
                return;
            }
        }
        throw new AssertionError("no row removed only the first word");
    }

    @Test
    void theChosenNeighbourDependsOnTheSeedAndRowOnly() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        IndexedText text = Tokenizer.defaults().tokenize("good bad movie plot");
        SampleMatrix s = SampleMatrix.draw(200, 4, 4, SamplingDesign.REMOVAL);
        PerturbedTextBuilder first = Perturbation.neighbour(n, 2).prepare(text, 4);
        PerturbedTextBuilder second = Perturbation.neighbour(n, 2).prepare(text, 4);
        PerturbedTextBuilder otherSeed = Perturbation.neighbour(n, 2).prepare(text, 5);
        List<String> forward = new ArrayList<>();
        List<String> backward = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int row = 0; row < s.samples(); row++) {
            forward.add(first.build(s, row));
            backward.add(0, second.build(s, s.samples() - 1 - row));
            other.add(otherSeed.build(s, row));
        }
        assertEquals(forward, backward, "same seed, rows built in another order");
        assertNotEquals(forward, other, "another seed chooses other neighbours");
    }

    @Test
    void neighbourReplacementNeedsWordFeatures() throws Exception {
        WordNeighbours n = WordNeighbours.of(Vectors.tiny(dir));
        IndexedText chars = Tokenizer.builder().characterLevel(true).build().tokenize("good");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Perturbation.neighbour(n, 2).prepare(chars, 1));
        assertTrue(e.getMessage().contains("character"), e.getMessage());
    }
}
