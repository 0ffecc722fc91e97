package dev.limelight.studies.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.TextClassifier;
import dev.limelight.testing.SharedData;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.model.BagOfWordsClassifier;
import dev.limelight.text.model.HeldOut;
import dev.limelight.text.model.TrainingOptions;
import dev.limelight.text.model.Word2VecTraining;
import dev.limelight.text.perturb.Perturbation;
import dev.limelight.text.perturb.WordNeighbours;
import dev.limelight.text.tokenize.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The text pipeline on subsets of the shared corpora (skipped without them); the full runs are the study mains. */
class RealCorpusTest {

    private static <T> List<T> every(List<T> list, int step) {
        return IntStream.range(0, list.size()).filter(i -> i % step == 0).mapToObj(list::get).toList();
    }

    @Test
    void aBagOfWordsModelTrainedOnAThirdOfTheReligionPostsIsAccurate() {
        Corpus news = NewsgroupsCorpus.read(SharedData.require("text/20news_religion"));
        BagOfWordsClassifier model = BagOfWordsClassifier.train(every(news.train(), 3), news.classNames(), 2, 20_000,
                BagOfWordsClassifier.DEFAULT_TRAINING);
        double accuracy = HeldOut.accuracy(model, every(news.test(), 4), 128);
        assertTrue(accuracy > 0.85, "held-out accuracy " + accuracy);
    }

    @Test
    void neighbourReplacementWithWord2VecFromTheReviewsKeepsPerturbedReviewsFullLength() {
        Corpus books = SentimentCorpus.read(SharedData.require("text/multi_domain_sentiment"), "books", 0);
        List<LabelledText> train = every(books.train(), 4);
        Word2Vec vectors = new Word2VecTraining(32, 5, 3, 1, 1, 0).train(Corpus.texts(train));
        BagOfWordsClassifier model = BagOfWordsClassifier.train(train, books.classNames(), 2, 20_000,
                new TrainingOptions(10, 64, 0.01, 1e-4, 0));
        WordNeighbours neighbours = WordNeighbours.of(vectors);
        String review = books.test().get(0).text();

        List<String> withNeighbours = scoredTexts(review, model, Perturbation.neighbour(neighbours, 5));
        List<String> withRemoval = scoredTexts(review, model, Perturbation.remove());

        int words = countWords(review);
        double neighbourLength = withNeighbours.stream().mapToInt(RealCorpusTest::countWords).average().orElse(0);
        double removalLength = withRemoval.stream().mapToInt(RealCorpusTest::countWords).average().orElse(0);
        assertTrue(neighbourLength > removalLength + 0.25 * words, "the review has " + words + " words; perturbed "
                + "reviews keep " + neighbourLength + " on average with neighbours, " + removalLength + " with removal");
        java.util.Set<String> original = new java.util.HashSet<>(Tokenizer.defaults().tokenize(review).words());
        for (String text : withNeighbours) {
            for (String w : Tokenizer.defaults().tokenize(text).words()) {
                assertTrue(original.contains(w) || neighbours.contains(w), w + " comes from the review or the vectors");
            }
        }
    }

    private static List<String> scoredTexts(String review, TextClassifier model, Perturbation perturbation) {
        List<String> seen = new ArrayList<>();
        TextClassifier recording = new TextClassifier() {
            @Override
            public int classCount() {
                return 2;
            }

            @Override
            public INDArray predict(List<String> texts) {
                seen.addAll(texts);
                return model.predict(texts);
            }
        };
        TextExplanation e = new TextExplainer(TextExplainerOptions.builder().samples(300).perturbation(perturbation)
                .build()).explain(review, recording);
        assertEquals(10, e.label(1).words().size());
        return seen;
    }

    private static int countWords(String text) {
        return Tokenizer.builder().bagOfWords(false).build().tokenize(text).featureCount();
    }
}
