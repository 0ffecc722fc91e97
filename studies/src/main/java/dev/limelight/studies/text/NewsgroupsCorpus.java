package dev.limelight.studies.text;

import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 20 Newsgroups by-date corpus (J. Rennie) restricted to the LIME paper's pair,
 * {@code alt.atheism} (label 0) vs {@code soc.religion.christian} (label 1): raw posts, e-mail
 * headers included, read as ISO-8859-1 from {@code 20news-bydate-train/<group>/<n>} and
 * {@code 20news-bydate-test/<group>/<n>}.
 *
 * <p>The paper (section 6.4) showed that a classifier trained on these posts leans on header
 * words ("Posting", "Host", "Re", "edu") that say nothing about religion;
 * {@link #stripHeaders(String)} removes them (the header is everything before the first empty
 * line, as scikit-learn's {@code remove=('headers',)} does). Quoted replies still name the other
 * posts' hosts ("In article &lt;...@athos.rutgers.edu&gt;"); {@link #stripQuotes(String)} removes
 * quoted lines and their attribution lines as well.
 */
public final class NewsgroupsCorpus {

    /** The two groups, in label order. */
    public static final List<String> GROUPS = List.of("alt.atheism", "soc.religion.christian");

    private NewsgroupsCorpus() {
    }

    /**
     * Reads the corpus.
     *
     * @param directory the directory holding {@code 20news-bydate-train} and {@code 20news-bydate-test}
     * @return the corpus with headers, documents in group then numeric file order
     * @throws IllegalArgumentException if a group directory is missing or empty
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static Corpus read(Path directory) {
        return new Corpus("20news-religion", GROUPS, readSplit(directory.resolve("20news-bydate-train")),
                readSplit(directory.resolve("20news-bydate-test")));
    }

    /**
     * Reads the corpus and strips the headers of every post.
     *
     * @param directory as {@link #read(Path)}
     * @return the corpus without headers
     */
    public static Corpus readWithoutHeaders(Path directory) {
        return read(directory).mapTexts("20news-religion-no-headers", NewsgroupsCorpus::stripHeaders);
    }

    /**
     * @param post a raw post
     * @return the post without its header: the text after the first empty line (the whole post if
     *         it has none)
     */
    public static String stripHeaders(String post) {
        int end = headerEnd(post);
        return end < 0 ? post : post.substring(end);
    }

    /**
     * Removes quoted text: lines starting with {@code >} or {@code |}, and attribution lines (those
     * starting with "In article" or containing "writes:", "wrote:", "says:" or "said:").
     *
     * @param post a post, with or without header
     * @return the post without quoted and attribution lines
     */
    public static String stripQuotes(String post) {
        List<String> kept = new ArrayList<>();
        for (String line : post.split("\n", -1)) {
            if (!isQuoteLine(line)) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    /**
     * @param line one line of a post
     * @return whether {@link #stripQuotes(String)} removes it: a quoted line (starting with
     *         {@code >} or {@code |}) or an attribution line
     */
    public static boolean isQuoteLine(String line) {
        String t = line.stripLeading();
        return t.startsWith(">") || t.startsWith("|") || t.startsWith("In article") || line.contains("writes:")
                || line.contains("wrote:") || line.contains("says:") || line.contains("said:");
    }

    /**
     * @param post a raw post
     * @return the length of its header block including the blank line that ends it, or -1 if the
     *         post has no blank line
     */
    public static int headerEnd(String post) {
        int blank = post.indexOf("\n\n");
        return blank < 0 ? -1 : blank + 2;
    }

    private static List<LabelledText> readSplit(Path split) {
        List<LabelledText> texts = new ArrayList<>();
        for (int label = 0; label < GROUPS.size(); label++) {
            Path group = split.resolve(GROUPS.get(label));
            if (!Files.isDirectory(group)) {
                throw new IllegalArgumentException("20 Newsgroups directory missing: " + group);
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(group)) {
                files = list.filter(Files::isRegularFile).sorted(Comparator.comparing(NewsgroupsCorpus::numericName))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + group, e);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("20 Newsgroups directory is empty: " + group);
            }
            for (Path file : files) {
                try {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
                    texts.add(new LabelledText(GROUPS.get(label) + "/" + file.getFileName(), text, label));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return texts;
    }

    private static long numericName(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
