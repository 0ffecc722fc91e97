package dev.limelight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.FeatureSelection;
import dev.limelight.core.Kernel;
import dev.limelight.core.TextClassifier;
import dev.limelight.text.perturb.Perturbation;
import dev.limelight.text.tokenize.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TextExplainerTest {

    static final String REVIEW = "The plot was thin and the acting uneven, but the score was excellent and the "
            + "photography often beautiful; a flawed film with moments that stay with you.";

    private static TextExplainerOptions.Builder small() {
        return TextExplainerOptions.builder().samples(1000).batchSize(100);
    }

    @Test
    void aClassifierKeyedOnOneWordGetsThatWordOnTopWithTheLargestWeight() {
        TextExplanation e = new TextExplainer(small().build()).explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));

        TextLabelExplanation label = e.label(1);
        WordWeight top = label.words().get(0);
        assertEquals("excellent", top.word());
        assertEquals(0.7, top.weight(), 0.02, "the weight is the probability the word adds");
        for (WordWeight other : label.words().subList(1, label.words().size())) {
            assertTrue(Math.abs(other.weight()) < 0.02, "other words hardly matter: " + other);
        }
        assertEquals(REVIEW.indexOf("excellent"), top.offsets()[0]);
        assertTrue(label.score() > 0.99, "a linear surrogate is exact for a one-word model: " + label.score());
        assertEquals(0.9, label.localPrediction(), 0.02);
    }

    @Test
    void thePlantedWordIsOnTopInEveryPerturbationMode() {
        for (Perturbation p : List.of(Perturbation.remove(), Perturbation.mask("UNKWORDZ"))) {
            TextExplanation e = new TextExplainer(small().perturbation(p).build())
                    .explain(REVIEW, new KeywordClassifier("beautiful", 0.8, 0.3));
            assertEquals("beautiful", e.label(1).words().get(0).word(), p.toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameExplanation() {
        TextExplainer explainer = new TextExplainer(small().seed(7).build());
        TextExplanation a = explainer.explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));
        TextExplanation b = explainer.explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));
        assertEquals(a.labels(), b.labels());
    }

    @Test
    void anotherSeedGivesOtherSamples() {
        TextExplanation a = new TextExplainer(small().seed(7).build()).explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));
        TextExplanation b = new TextExplainer(small().seed(8).build()).explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));
        assertNotEquals(a.label(1).words(), b.label(1).words());
        assertEquals("excellent", b.label(1).words().get(0).word(), "but the same answer");
    }

    @Test
    void theClassifierIsNeverGivenMoreThanTheBatchSize() {
        KeywordClassifier model = new KeywordClassifier("excellent", 0.9, 0.2);
        new TextExplainer(small().samples(1000).batchSize(64).build()).explain(REVIEW, model);

        List<List<String>> batches = model.batches();
        assertEquals(16, batches.size(), "ceil(1000 / 64) calls");
        assertTrue(batches.stream().allMatch(b -> b.size() <= 64));
        assertEquals(1000, batches.stream().mapToInt(List::size).sum(), "every sample scored once");
        assertEquals(REVIEW, batches.get(0).get(0), "the first text is the original");
    }

    @Test
    void theBatchSizeDoesNotChangeTheExplanation() {
        TextExplanation a = new TextExplainer(small().batchSize(1000).build()).explain(REVIEW, new KeywordClassifier("film", 0.6, 0.4));
        TextExplanation b = new TextExplainer(small().batchSize(7).build()).explain(REVIEW, new KeywordClassifier("film", 0.6, 0.4));
        assertEquals(a.labels(), b.labels());
    }

    @Test
    void progressIsReportedAfterEveryBatch() {
        List<Long> done = new ArrayList<>();
        new TextExplainer(small().samples(250).batchSize(100).progress((stage, d, total) -> {
            assertEquals("score", stage);
            assertEquals(250, total);
            done.add(d);
        }).build()).explain(REVIEW, new KeywordClassifier("film", 0.6, 0.4));
        assertEquals(List.of(100L, 200L, 250L), done);
    }

    @Test
    void positionalFeaturesMaskEachOccurrenceOnItsOwn() {
        List<String> seen = new ArrayList<>();
        TextClassifier countsGood = TwoClassClassifier.of(t -> {
            synchronized (seen) {
                seen.add(t);
            }
            return 0.2 + 0.3 * (t.split("good", -1).length - 1);
        });
        TextExplanation e = new TextExplainer(small().samples(300)
                .tokenizer(Tokenizer.builder().bagOfWords(false).build()).build()).explain("good good bad", countsGood);

        assertEquals(3, e.text().featureCount(), "one feature per occurrence");
        assertTrue(seen.contains("UNKWORDZ good bad"));
        assertTrue(seen.contains("good UNKWORDZ bad"));
        List<WordWeight> words = e.label(1).words();
        assertEquals(List.of("good", "good", "bad"), words.stream().map(WordWeight::word).toList());
        assertEquals(List.of(0, 5), words.subList(0, 2).stream().map(w -> w.offsets()[0]).sorted().toList());
        assertEquals(0.3, words.get(0).weight(), 0.05, "each occurrence adds 0.3 (less the ridge's shrinkage)");
        assertEquals(0.3, words.get(1).weight(), 0.05);
        assertEquals(0.0, words.get(2).weight(), 0.02);
        assertEquals(words.get(0).weight() + words.get(1).weight(), e.label(1).weightsByWord().get("good"), 1e-12,
                "by word, the occurrences' weights are summed");
    }

    @Test
    void characterLevelFeaturesAreExplainedAsCharacters() {
        TextClassifier keyedOnQ = TwoClassClassifier.of(t -> t.indexOf('q') >= 0 ? 0.9 : 0.2);
        TextExplanation e = new TextExplainer(small().samples(400)
                .tokenizer(Tokenizer.builder().characterLevel(true).build()).build()).explain("aqua bar", keyedOnQ);
        assertEquals(List.of("a", "q", "u", " ", "b", "r"), e.text().words());
        assertEquals("q", e.label(1).words().get(0).word());
    }

    @Test
    void forwardSelectionKeepsAtMostKWords() {
        TextExplanation e = new TextExplainer(small().featureSelection(FeatureSelection.FORWARD_SELECTION).numFeatures(3)
                .build()).explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));
        assertEquals(3, e.label(1).words().size());
        assertEquals("excellent", e.label(1).words().get(0).word());
        assertEquals(FeatureSelection.FORWARD_SELECTION, e.label(1).surrogate().featureSelection());
    }

    @Test
    void theDefaultsAreTheReferences() {
        TextExplainerOptions d = TextExplainerOptions.defaults();
        assertEquals(5000, d.samples());
        assertEquals(10, d.surrogate().numFeatures());
        assertEquals(Kernel.exponential(25.0), d.surrogate().kernel());
        assertEquals(FeatureSelection.AUTO, d.surrogate().featureSelection());
        assertEquals(1, d.labels().length);
        assertEquals(1, d.labels()[0]);
        assertTrue(d.tokenizer().bagOfWords());
        assertEquals(Perturbation.remove(), d.perturbation());
        assertEquals(256, d.batchSize());
    }

    @Test
    void topLabelsExplainsTheMostProbableLabelFirst() {
        TextExplanation e = new TextExplainer(small().topLabels(2).build()).explain(REVIEW, new KeywordClassifier("excellent", 0.9, 0.2));
        assertEquals(List.of(1, 0), e.labels().stream().map(TextLabelExplanation::label).toList());
        assertEquals("with", e.label(1).name());
        assertEquals(1, e.predictedLabel());
        WordWeight for0 = e.label(0).words().get(0);
        assertEquals("excellent", for0.word());
        assertTrue(for0.weight() < -0.6, "the word lowers the other class: " + for0);
    }

    @Test
    void anEmptyTextIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextExplainer.withDefaults().explain("", new KeywordClassifier("a", 0.9, 0.1)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aWhitespaceOnlyTextIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextExplainer.withDefaults().explain(" \n\t  ", new KeywordClassifier("a", 0.9, 0.1)));
        assertTrue(e.getMessage().contains("whitespace"), e.getMessage());
    }

    @Test
    void aTextWithoutAnyWordIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextExplainer.withDefaults().explain("?! -- ...", new KeywordClassifier("a", 0.9, 0.1)));
        assertTrue(e.getMessage().contains("no word"), e.getMessage());
    }

    @Test
    void aLabelOutOfRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextExplainer(small().labels(2).build()).explain(REVIEW, new KeywordClassifier("a", 0.9, 0.1)));
        assertTrue(e.getMessage().contains("label 2 is out of range"), e.getMessage());
    }

    @Test
    void aClassifierReturningLogitsIsReported() {
        TextClassifier logits = new TextClassifier() {
            @Override
            public int classCount() {
                return 2;
            }

            @Override
            public INDArray predict(List<String> texts) {
                return Nd4j.ones(texts.size(), 2).muli(3);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TextExplainer(small().build()).explain(REVIEW, logits));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    }
}
