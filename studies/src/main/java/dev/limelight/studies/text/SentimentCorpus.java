package dev.limelight.studies.text;

import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The multi-domain sentiment reviews (Blitzer, Dredze and Pereira, ACL 2007) used in the LIME
 * paper: per domain ({@code books}, {@code dvd}, ...) 1000 negative (label 0) and 1000 positive
 * (label 1) Amazon reviews in {@code <domain>/negative.review} and {@code positive.review}.
 *
 * <p>The files are pseudo-XML (bare {@code &}, no root element), so they are read with line rules:
 * a review is the lines between {@code <review>} and {@code </review>}; its text is the lines
 * between {@code <review_text>} and {@code </review_text>}, its id the line after
 * {@code <unique_id>}. Bytes that are not UTF-8 are replaced. The corpus has no standard split;
 * like the paper, {@link #read} holds out 200 reviews per class (1600 train, 400 test), chosen
 * with a seeded shuffle.
 */
public final class SentimentCorpus {

    /** The two classes, in label order. */
    public static final List<String> CLASSES = List.of("negative", "positive");

    /** Held-out reviews per class: 200. */
    public static final int TEST_PER_CLASS = 200;

    private SentimentCorpus() {
    }

    /**
     * Reads one domain and splits it.
     *
     * @param directory the directory holding the domain directories
     * @param domain    e.g. {@code books} or {@code dvd}
     * @param seed      the seed of the train/test split
     * @return the corpus
     * @throws IllegalArgumentException if a file is missing or holds no review
     */
    public static Corpus read(Path directory, String domain, long seed) {
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int label = 0; label < CLASSES.size(); label++) {
            Path file = directory.resolve(domain).resolve(CLASSES.get(label) + ".review");
            List<LabelledText> reviews = reviews(file, label);
            if (reviews.size() <= TEST_PER_CLASS) {
                throw new IllegalArgumentException(file + " holds " + reviews.size() + " reviews, fewer than the "
                        + TEST_PER_CLASS + " held out per class");
            }
            List<LabelledText> shuffled = new ArrayList<>(reviews);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                LabelledText swap = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, swap);
            }
            test.addAll(shuffled.subList(0, TEST_PER_CLASS));
            train.addAll(shuffled.subList(TEST_PER_CLASS, shuffled.size()));
        }
        return new Corpus("sentiment-" + domain, CLASSES, train, test);
    }

    /**
     * Reads every review of one file.
     *
     * @param file  a {@code .review} file
     * @param label the label to give them
     * @return the reviews in file order
     */
    public static List<LabelledText> reviews(Path file, int label) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("review file missing: " + file);
        }
        List<String> lines;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            lines = text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<LabelledText> reviews = new ArrayList<>();
        String id = null;
        StringBuilder body = null;
        boolean inText = false;
        boolean nextIsId = false;
        for (String line : lines) {
            String tag = line.strip();
            if (nextIsId) {
                id = tag;
                nextIsId = false;
            } else if (tag.equals("<review>")) {
                id = null;
                body = new StringBuilder();
            } else if (tag.equals("<unique_id>") && !inText) {
                nextIsId = true;
            } else if (tag.equals("<review_text>")) {
                inText = true;
            } else if (tag.equals("</review_text>")) {
                inText = false;
            } else if (tag.equals("</review>")) {
                if (body != null) {
                    String text = body.toString().strip();
                    if (!text.isEmpty()) {
                        reviews.add(new LabelledText(id == null ? file.getFileName() + "#" + reviews.size() : id,
                                text, label));
                    }
                }
                body = null;
            } else if (inText && body != null) {
                body.append(line).append('\n');
            }
        }
        if (reviews.isEmpty()) {
            throw new IllegalArgumentException("no review found in " + file);
        }
        return reviews;
    }
}
