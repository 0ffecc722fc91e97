package dev.limelight.studies.text;

import dev.limelight.core.TextClassifier;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.TextLabelExplanation;
import dev.limelight.text.WordWeight;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import dev.limelight.text.model.BagOfWordsClassifier;
import dev.limelight.text.model.HeldOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reproduces the LIME paper's 20 Newsgroups finding (Ribeiro, Singh and Guestrin, KDD 2016,
 * section 6.4 and figure 2): a classifier of atheism vs christianity posts with high held-out
 * accuracy is explained by words of the e-mail headers ("Posting", "Host", "Re", "nntp", "edu")
 * that say nothing about religion; retrained without them, its held-out accuracy drops and its
 * explanations turn to the posts' own words.
 *
 * <p>Three bag-of-words models (TF-IDF, DL4J softmax) are trained: on the posts as they are, with
 * headers stripped, and with headers and quoted replies stripped (quotes carry the other posts'
 * hosts and authors, e.g. "In article &lt;...@athos.rutgers.edu&gt;"). Printed: the held-out
 * accuracy of each model on each kind of post; then, for a seeded sample of held-out posts, each
 * model's explanations of those posts in the form it was trained on (most probable label, top K
 * words): the share of metadata words among the top K and of the |weight| they carry, how many
 * explanations contain "Posting", "Host" or "NNTP", and the words most often in the top K. A word
 * is metadata when at least half of its occurrences in the raw training posts lie in headers or
 * quoted and attribution lines (so "Host", "edu", "athos", posters' names are; "God" is not).
 *
 * <pre>
 * HeaderFinding [--data DIR] [--documents 100] [--samples 5000] [--features 10] [--l2 1e-4] [--seed 0]
 * </pre>
 */
public final class HeaderFinding {

    /** The header words the paper names (with "NNTP" spelt as in the headers). */
    public static final List<String> PAPER_WORDS = List.of("Posting", "Host", "NNTP", "Re", "edu");

    private static final Set<String> POSTING_HOST = Set.of("Posting", "Host", "NNTP");

    private static final List<String> KIND_NAMES = List.of("posts as they are", "posts with headers stripped",
            "posts with headers and quotes stripped");

    private static final String USAGE = "HeaderFinding [--data DIR] [--documents N] [--samples N] [--features K] "
            + "[--l2 L2] [--seed S]";

    private HeaderFinding() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Arguments a = new Arguments(args, USAGE);
        long seed = a.number("seed", 0);
        int documents = a.integer("documents", 100);
        int samples = a.integer("samples", 5000);
        int k = a.integer("features", 10);
        double l2 = Double.parseDouble(a.text("l2", Double.toString(BagOfWordsClassifier.DEFAULT_TRAINING.l2())));

        NewsgroupsStudy study = new NewsgroupsStudy(a.dataDirectory(), seed, l2, true);
        List<Corpus> kinds = List.of(study.withHeaders, study.withoutHeaders, study.withoutHeadersOrQuotes);
        List<BagOfWordsClassifier> models = List.of(study.headerModel, study.contentModel, study.unquotedModel);
        List<String> names = List.of("trained with headers", "trained with headers stripped",
                "trained with headers and quotes stripped");
        System.out.printf(Locale.ROOT, "20 Newsgroups, alt.atheism vs soc.religion.christian: %d train, %d test posts;"
                + " three bag-of-words models (TF-IDF, DL4J softmax, L2 %s) trained in %.1f s%n%n",
                study.withHeaders.train().size(), study.withHeaders.test().size(), l2, study.trainSeconds);
        System.out.println("Held-out accuracy (rows: model; columns: held-out posts; bold: the model's own kind)");
        System.out.println();
        System.out.println("| model | posts as they are | headers stripped | headers and quotes stripped |");
        System.out.println("|---|---|---|---|");
        for (int m = 0; m < models.size(); m++) {
            StringBuilder row = new StringBuilder("| " + names.get(m) + " |");
            for (int c = 0; c < kinds.size(); c++) {
                double acc = HeldOut.accuracy(models.get(m), kinds.get(c).test(), 256);
                row.append(String.format(Locale.ROOT, m == c ? " **%.4f** |" : " %.4f |", acc));
            }
            System.out.println(row);
        }

        List<Integer> chosen = study.sample(documents, seed);
        java.util.Set<String> metadata = NewsgroupsStudy.metadataWords(study.withHeaders.train());
        java.util.Set<String> hostPosts = new java.util.HashSet<>();
        for (LabelledText p : NewsgroupsStudy.pick(study.withHeaders.test(), chosen)) {
            if (p.text().toLowerCase(Locale.ROOT).contains("nntp-posting-host")) {
                hostPosts.add(p.id());
            }
        }
        int withHost = hostPosts.size();
        List<Tally> tallies = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            tallies.add(explainAll(names.get(m) + ", on " + KIND_NAMES.get(m), models.get(m),
                    NewsgroupsStudy.pick(kinds.get(m).test(), chosen), metadata, hostPosts, samples, k, seed));
        }

        System.out.printf(Locale.ROOT, "%nExplanations of %d held-out posts (seeded sample; %d with an "
                + "NNTP-Posting-Host header), each model on the posts in the form it was trained on; %d perturbed "
                + "samples each, top %d words of the most probable label; %d metadata words learnt from the "
                + "training posts%n%n", chosen.size(), withHost, samples, k, metadata.size());
        System.out.println("| model, explained posts | metadata words in the top " + k + " | their share of the top "
                + k + "'s abs(weight) | posts with an NNTP-Posting-Host header explained by Posting, Host or NNTP | "
                + String.join(" | ", PAPER_WORDS.stream().map(w -> "\"" + w + "\"").toList())
                + " | s per explanation |");
        System.out.println("|---|---|---|---|" + "---|".repeat(PAPER_WORDS.size()) + "---|");
        tallies.forEach(t -> System.out.println(t.row()));
        System.out.println();
        for (Tally t : tallies) {
            System.out.println("Most frequent top-" + k + " words (* metadata), " + t.name + ":\n  "
                    + t.frequentWords(25, metadata));
        }
    }

    private static Tally explainAll(String name, TextClassifier model, List<LabelledText> posts,
                                    java.util.Set<String> metadata, java.util.Set<String> hostPosts, int samples,
                                    int k, long seed) {
        Tally tally = new Tally(name);
        long t0 = System.nanoTime();
        for (int i = 0; i < posts.size(); i++) {
            String post = posts.get(i).text();
            TextExplanation e = NewsgroupsStudy.explain(model, post, samples, k, seed);
            boolean hasHost = posts.get(i).id() != null && hostPosts.contains(posts.get(i).id());
            tally.add(e.first(), metadata, k, hasHost);
            if ((i + 1) % 25 == 0) {
                System.err.printf(Locale.ROOT, "  %s: %d/%d%n", name, i + 1, posts.size());
            }
        }
        tally.seconds = (System.nanoTime() - t0) / 1e9;
        return tally;
    }

    /** Counts over the explanations of one model. */
    private static final class Tally {
        final String name;
        final List<Double> metadataShares = new ArrayList<>();
        final List<Double> metadataWeightShares = new ArrayList<>();
        int withPostingHost;
        int hostPosts;
        final Map<String, Integer> paperWords = new LinkedHashMap<>();
        final Map<String, Integer> topWords = new TreeMap<>();
        double seconds;

        Tally(String name) {
            this.name = name;
            PAPER_WORDS.forEach(w -> paperWords.put(w, 0));
        }

        void add(TextLabelExplanation l, java.util.Set<String> metadata, int k, boolean hasHost) {
            List<WordWeight> top = l.top(k);
            int count = 0;
            double weight = 0;
            double metadataWeight = 0;
            boolean postingHost = false;
            for (WordWeight w : top) {
                topWords.merge(w.word(), 1, Integer::sum);
                paperWords.computeIfPresent(w.word(), (word, c) -> c + 1);
                postingHost |= POSTING_HOST.contains(w.word());
                boolean meta = metadata.contains(w.word().toLowerCase(Locale.ROOT));
                count += meta ? 1 : 0;
                weight += Math.abs(w.weight());
                metadataWeight += meta ? Math.abs(w.weight()) : 0;
            }
            metadataShares.add(count / (double) Math.max(1, top.size()));
            metadataWeightShares.add(weight == 0 ? 0 : metadataWeight / weight);
            withPostingHost += postingHost && hasHost ? 1 : 0;
            hostPosts += hasHost ? 1 : 0;
        }

        String row() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %d of %d |",
                    name, 100 * mean(metadataShares), 100 * mean(metadataWeightShares), withPostingHost, hostPosts));
            paperWords.values().forEach(c -> s.append(' ').append(c).append(" |"));
            s.append(String.format(Locale.ROOT, " %.2f |", seconds / Math.max(1, metadataShares.size())));
            return s.toString();
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        String frequentWords(int n, java.util.Set<String> metadata) {
            return String.join(", ", topWords.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(e -> e.getKey() + (metadata.contains(e.getKey().toLowerCase(Locale.ROOT)) ? "*" : "")
                            + " " + e.getValue()).toList());
        }
    }
}
