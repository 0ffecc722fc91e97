package dev.limelight.studies.text;

import dev.limelight.core.TextClassifier;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.WordWeight;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import dev.limelight.text.model.BagOfWordsClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The LIME paper's 20 Newsgroups setting (section 6.4): the posts with and without headers, a
 * bag-of-words classifier trained on each, and explanations of held-out posts.
 */
final class NewsgroupsStudy {

    final Corpus withHeaders;
    final Corpus withoutHeaders;
    final Corpus withoutHeadersOrQuotes;
    final BagOfWordsClassifier headerModel;
    final BagOfWordsClassifier contentModel;
    final BagOfWordsClassifier unquotedModel;
    final double trainSeconds;

    NewsgroupsStudy(Path dataDirectory, long seed, double l2, boolean alsoWithoutQuotes) {
        Path dir = dataDirectory.resolve("text").resolve("20news_religion");
        this.withHeaders = NewsgroupsCorpus.read(dir);
        this.withoutHeaders = withHeaders.mapTexts("20news-religion-no-headers", NewsgroupsCorpus::stripHeaders);
        this.withoutHeadersOrQuotes = withoutHeaders.mapTexts("20news-religion-no-headers-no-quotes",
                NewsgroupsCorpus::stripQuotes);
        long t0 = System.nanoTime();
        this.headerModel = train(withHeaders, seed, l2);
        this.contentModel = train(withoutHeaders, seed, l2);
        this.unquotedModel = alsoWithoutQuotes ? train(withoutHeadersOrQuotes, seed, l2) : null;
        this.trainSeconds = (System.nanoTime() - t0) / 1e9;
    }

    private static BagOfWordsClassifier train(Corpus corpus, long seed, double l2) {
        return BagOfWordsClassifier.train(corpus.train(), corpus.classNames(),
                BagOfWordsClassifier.DEFAULT_MIN_DOCUMENT_FREQUENCY, BagOfWordsClassifier.DEFAULT_MAX_VOCABULARY,
                BagOfWordsClassifier.DEFAULT_TRAINING.withSeed(seed).withL2(l2));
    }

    /** Indices of {@code count} held-out posts, a seeded sample (all of them if count is larger). */
    List<Integer> sample(int count, long seed) {
        int n = withHeaders.test().size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        List<Integer> chosen = new ArrayList<>(order.subList(0, Math.min(count, n)));
        chosen.sort(null);
        return chosen;
    }

    /** Explains the most probable label of one text. */
    static TextExplanation explain(TextClassifier model, String text, int samples, int numFeatures, long seed) {
        return new TextExplainer(TextExplainerOptions.builder().samples(samples).numFeatures(numFeatures)
                .topLabels(1).seed(seed).build()).explain(text, model);
    }

    /** Where each character of a raw post lies: 0 own text, 1 header, 2 quoted or attribution line. */
    static byte[] regions(String post) {
        byte[] region = new byte[post.length()];
        int headerEnd = Math.max(0, NewsgroupsCorpus.headerEnd(post));
        java.util.Arrays.fill(region, 0, headerEnd, (byte) 1);
        int start = headerEnd;
        while (start < post.length()) {
            int end = post.indexOf('\n', start);
            end = end < 0 ? post.length() : end + 1;
            if (NewsgroupsCorpus.isQuoteLine(post.substring(start, end).stripTrailing())) {
                java.util.Arrays.fill(region, start, end, (byte) 2);
            }
            start = end;
        }
        return region;
    }

    /**
     * Which words are metadata rather than content, learnt from the raw training posts: a word
     * (compared in lower case) is metadata when at least half of its occurrences there lie in
     * headers or in quoted and attribution lines. Words never seen in training count as content.
     */
    static java.util.Set<String> metadataWords(List<LabelledText> rawPosts) {
        java.util.Map<String, int[]> counts = new java.util.HashMap<>();
        for (LabelledText t : rawPosts) {
            String post = t.text();
            byte[] region = regions(post);
            java.util.regex.Matcher m = WORD.matcher(post);
            while (m.find()) {
                int[] c = counts.computeIfAbsent(m.group().toLowerCase(java.util.Locale.ROOT), w -> new int[2]);
                c[region[m.start()] == 0 ? 0 : 1]++;
            }
        }
        java.util.Set<String> metadata = new java.util.HashSet<>();
        counts.forEach((word, c) -> {
            if (c[1] >= c[0]) {
                metadata.add(word);
            }
        });
        return metadata;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]+");

    static List<LabelledText> pick(List<LabelledText> documents, List<Integer> indices) {
        return indices.stream().map(documents::get).toList();
    }
}
