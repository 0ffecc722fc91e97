package dev.limelight.studies.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.testing.SharedData;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentCorpusTest {

    @Test
    void reviewsAreReadWithLineRulesDespiteBareAmpersands(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("positive.review");
        Files.writeString(file, "<review>\n<unique_id>\nA1:great\n</unique_id>\n<title>\nR&B & more\n</title>\n"
                + "<review_text>\nRock & roll, <3 it.\nSecond line.\n</review_text>\n</review>\n"
                + "<review>\n<unique_id>\nA2\n</unique_id>\n<review_text>\nFine.\n</review_text>\n</review>\n",
                StandardCharsets.UTF_8);
        List<LabelledText> reviews = SentimentCorpus.reviews(file, 1);
        assertEquals(2, reviews.size());
        assertEquals(new LabelledText("A1:great", "Rock & roll, <3 it.\nSecond line.", 1), reviews.get(0));
        assertEquals("Fine.", reviews.get(1).text());
    }

    @Test
    void aFileWithoutReviewsIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("negative.review");
        Files.writeString(file, "nothing here\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentimentCorpus.reviews(file, 0));
        assertTrue(e.getMessage().contains("no review"), e.getMessage());
    }

    @Test
    void eachSharedDomainSplitsIntoSixteenHundredAndFourHundredBalancedReviews() {
        Path dir = SharedData.require("text/multi_domain_sentiment");
        for (String domain : List.of("books", "dvd")) {
            Corpus c = SentimentCorpus.read(dir, domain, 0);
            assertEquals(1600, c.train().size(), domain);
            assertEquals(400, c.test().size(), domain);
            assertEquals(200, c.test().stream().filter(t -> t.label() == 1).count(), domain);
        }
    }

    @Test
    void theSplitDependsOnTheSeedOnly() {
        Path dir = SharedData.require("text/multi_domain_sentiment");
        assertEquals(SentimentCorpus.read(dir, "books", 3).test(), SentimentCorpus.read(dir, "books", 3).test());
        assertNotEquals(SentimentCorpus.read(dir, "books", 3).test(), SentimentCorpus.read(dir, "books", 4).test());
    }
}
