package dev.limelight.studies.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.testing.SharedData;
import dev.limelight.text.corpus.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsgroupsCorpusTest {

    private static final String POST = "From: someone@cs.cmu.edu\nSubject: Re: faith\nNNTP-Posting-Host: cs.cmu.edu\n"
            + "\nIn article <1@athos.rutgers.edu> x@y.edu writes:\n> quoted faith\n\nMy own words.\n";

    @Test
    void strippingTheHeaderKeepsWhatFollowsTheFirstBlankLine() {
        assertEquals("In article <1@athos.rutgers.edu> x@y.edu writes:\n> quoted faith\n\nMy own words.\n",
                NewsgroupsCorpus.stripHeaders(POST));
    }

    @Test
    void aPostWithoutBlankLineHasNoHeaderToStrip() {
        assertEquals("no header here", NewsgroupsCorpus.stripHeaders("no header here"));
        assertEquals(-1, NewsgroupsCorpus.headerEnd("no header here"));
    }

    @Test
    void strippingQuotesRemovesQuotedAndAttributionLines() {
        assertEquals("\nMy own words.\n", NewsgroupsCorpus.stripQuotes(NewsgroupsCorpus.stripHeaders(POST)));
    }

    @Test
    void theSharedCorpusHasTheByDateSplitOfTheTwoGroups() {
        Corpus c = NewsgroupsCorpus.read(SharedData.require("text/20news_religion"));
        assertEquals(1079, c.train().size());
        assertEquals(717, c.test().size());
        assertEquals(480, c.train().stream().filter(t -> t.label() == 0).count());
        assertEquals(398, c.test().stream().filter(t -> t.label() == 1).count());
        assertTrue(c.train().get(0).id().startsWith("alt.atheism/"));
        assertTrue(c.train().get(0).text().startsWith("From: "), "raw posts keep their headers");
    }

    @Test
    void postsAreReadAsLatin1(@TempDir Path dir) throws Exception {
        for (String split : new String[] {"20news-bydate-train", "20news-bydate-test"}) {
            for (String group : NewsgroupsCorpus.GROUPS) {
                Path file = dir.resolve(split).resolve(group).resolve("1");
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, new byte[] {'S', 'u', 'b', 'j', ':', ' ', 'c', 'a', 'f', (byte) 0xE9,
                    '\r', '\n'});
            }
        }
        Corpus c = NewsgroupsCorpus.read(dir);
        assertEquals("Subj: caf\u00e9\n", c.test().get(1).text(), "0xE9 is e-acute; CRLF becomes LF");
        assertEquals(1, c.test().get(1).label());
    }

    @Test
    void aMissingDirectoryIsNamed(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewsgroupsCorpus.read(dir));
        assertTrue(e.getMessage().contains("alt.atheism"), e.getMessage());
    }
}
