package dev.limelight.studies.text;

import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import dev.limelight.text.model.AveragedVectorsClassifier;
import dev.limelight.text.model.BagOfWordsClassifier;
import dev.limelight.text.model.HeldOut;
import dev.limelight.text.model.Word2VecTraining;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.word2vec.Word2Vec;

/**
 * Trains the text models on the LIME paper's corpora and prints their held-out accuracy: a
 * bag-of-words linear classifier and an averaged-word2vec classifier on 20 Newsgroups (atheism vs
 * christianity, with and without headers) and on the books and DVD reviews; Word2Vec is trained
 * with DL4J on the training texts of all three. Optionally writes the bundled demo model (the
 * 20 Newsgroups bag-of-words classifier trained with headers) and the vectors.
 *
 * <pre>
 * TrainTextModels [--data DIR] [--bundle DIR] [--vectors FILE] [--workers N] [--seed S]
 * </pre>
 */
public final class TrainTextModels {

    private static final String USAGE = "TrainTextModels [--data DIR] [--bundle DIR] [--vectors FILE] [--workers N] "
            + "[--seed S]\n  --data     the shared data directory (default: -Dlimelight.data.dir or ../shared/data)\n"
            + "  --bundle   write newsgroups-religion-bow.zip and samples/ there (the bundled demo)\n"
            + "  --vectors  write the Word2Vec vectors there (word2vec text format)\n"
            + "  --workers  Word2Vec threads (default 1: repeatable)\n  --seed     seed of everything (default 0)";

    /** File name of the bundled model. */
    public static final String BUNDLED_MODEL = "newsgroups-religion-bow.zip";

    /** Bundled sample texts: file name to held-out post id. */
    public static final List<Map.Entry<String, String>> BUNDLED_SAMPLES = List.of(
            Map.entry("darwin-fish.txt", "alt.atheism/53546"),
            Map.entry("christian-reformed.txt", "soc.religion.christian/21790"));

    private TrainTextModels() {
    }

    /**
     * @param args see the class comment
     * @throws Exception if a file cannot be read or written
     */
    public static void main(String[] args) throws Exception {
        Arguments a = new Arguments(args, USAGE);
        Path data = a.dataDirectory().resolve("text");
        long seed = a.number("seed", 0);
        Corpus news = NewsgroupsCorpus.read(data.resolve("20news_religion"));
        Corpus newsStripped = news.mapTexts("20news-religion-no-headers", NewsgroupsCorpus::stripHeaders);
        Corpus books = SentimentCorpus.read(data.resolve("multi_domain_sentiment"), "books", seed);
        Corpus dvd = SentimentCorpus.read(data.resolve("multi_domain_sentiment"), "dvd", seed);
        List<Corpus> corpora = List.of(news, newsStripped, books, dvd);

        List<String> rows = new ArrayList<>();
        BagOfWordsClassifier bundled = null;
        for (Corpus c : corpora) {
            long t0 = System.nanoTime();
            BagOfWordsClassifier bow = BagOfWordsClassifier.train(c.train(), c.classNames(),
                    BagOfWordsClassifier.DEFAULT_MIN_DOCUMENT_FREQUENCY, BagOfWordsClassifier.DEFAULT_MAX_VOCABULARY,
                    BagOfWordsClassifier.DEFAULT_TRAINING.withSeed(seed));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double accuracy = HeldOut.accuracy(bow, c.test(), 256);
            rows.add(row(c, "bag of words (TF-IDF, softmax)", accuracy, seconds, bow.vocabulary().size() + " terms"));
            System.out.println(rows.get(rows.size() - 1));
            if (c == news) {
                bundled = bow;
            }
        }

        long w0 = System.nanoTime();
        List<String> w2vTexts = new ArrayList<>();
        for (Corpus c : List.of(news, books, dvd)) {
            w2vTexts.addAll(Corpus.texts(c.train()));
        }
        Word2Vec vectors = Word2VecTraining.DEFAULTS.withWorkers(a.integer("workers", 1))
                .train(w2vTexts);
        double w2vSeconds = (System.nanoTime() - w0) / 1e9;
        System.out.printf(Locale.ROOT, "Word2Vec: %d documents, %d words x %d, %.1f s%n", w2vTexts.size(),
                vectors.vocab().numWords(), vectors.lookupTable().layerSize(), w2vSeconds);
        for (Corpus c : corpora) {
            long t0 = System.nanoTime();
            AveragedVectorsClassifier avg = AveragedVectorsClassifier.train(c.train(), c.classNames(), vectors,
                    AveragedVectorsClassifier.DEFAULT_HIDDEN, AveragedVectorsClassifier.DEFAULT_TRAINING.withSeed(seed));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double accuracy = HeldOut.accuracy(avg, c.test(), 256);
            rows.add(row(c, "averaged word2vec (MLP 64)", accuracy, seconds, avg.vocabularySize() + " vectors"));
            System.out.println(rows.get(rows.size() - 1));
        }

        System.out.println();
        System.out.println("| corpus | train / test | model | held-out accuracy | training time | size |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);

        String bundle = a.text("bundle", null);
        if (bundle != null) {
            Path file = Path.of(bundle).resolve(BUNDLED_MODEL);
            bundled.save(file);
            System.out.printf(Locale.ROOT, "wrote %s (%d bytes)%n", file, Files.size(file));
            for (Map.Entry<String, String> sample : BUNDLED_SAMPLES) {
                LabelledText post = news.test().stream().filter(t -> t.id().equals(sample.getValue())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("held-out post " + sample.getValue() + " not found"));
                Path out = Path.of(bundle).resolve("samples").resolve(sample.getKey());
                Files.createDirectories(out.getParent());
                Files.writeString(out, post.text(), StandardCharsets.UTF_8);
                System.out.printf(Locale.ROOT, "wrote %s (%s, p = %s)%n", out, post.id(),
                        Arrays.toString(bundled.predict(List.of(post.text())).toDoubleVector()));
            }
        }
        String vectorsFile = a.text("vectors", null);
        if (vectorsFile != null) {
            WordVectorSerializer.writeWord2VecModel(vectors, new File(vectorsFile));
            System.out.println("wrote " + vectorsFile);
        }
    }

    private static String row(Corpus c, String model, double accuracy, double seconds, String size) {
        return String.format(Locale.ROOT, "| %s | %d / %d | %s | %.4f | %.1f s | %s |", c.name(), c.train().size(),
                c.test().size(), model, accuracy, seconds, size);
    }
}
