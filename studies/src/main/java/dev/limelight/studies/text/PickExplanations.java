package dev.limelight.studies.text;

import dev.limelight.core.SubmodularPick;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.TextLabelExplanation;
import dev.limelight.text.WordWeight;
import dev.limelight.text.corpus.Corpus;
import dev.limelight.text.corpus.LabelledText;
import dev.limelight.text.model.BagOfWordsClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SP-LIME over held-out 20 Newsgroups posts (Ribeiro, Singh and Guestrin, KDD 2016, section 4 and
 * Algorithm 2): explain many posts, then pick the B explanations that together cover the most
 * globally important words, the few a user should read to judge the model. Explanations are of
 * label 1 ({@code soc.religion.christian}), as the reference's default, keyed by word (lime-core's
 * {@link SubmodularPick}).
 *
 * <p>Prints, for the model trained with headers and the one trained with headers stripped: the
 * picked posts (id, true group, probability, top words), the coverage after each pick, and the
 * globally most important words.
 *
 * <pre>
 * PickExplanations [--data DIR] [--documents 100] [--budget 5] [--samples 5000] [--features 10] [--seed 0]
 * </pre>
 */
public final class PickExplanations {

    private static final String USAGE = "PickExplanations [--data DIR] [--documents N] [--budget B] [--samples N] "
            + "[--features K] [--seed S]";

    private PickExplanations() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Arguments a = new Arguments(args, USAGE);
        long seed = a.number("seed", 0);
        int documents = a.integer("documents", 100);
        int budget = a.integer("budget", 5);
        int samples = a.integer("samples", 5000);
        int k = a.integer("features", 10);
        NewsgroupsStudy study = new NewsgroupsStudy(a.dataDirectory(), seed,
                BagOfWordsClassifier.DEFAULT_TRAINING.l2(), false);
        List<Integer> chosen = study.sample(documents, seed);
        java.util.Set<String> metadata = NewsgroupsStudy.metadataWords(study.withHeaders.train());
        report("trained with headers, posts as they are", study.headerModel, study.withHeaders,
                NewsgroupsStudy.pick(study.withHeaders.test(), chosen), budget, samples, k, seed, metadata);
        report("trained with headers stripped, posts with headers stripped", study.contentModel,
                study.withoutHeaders, NewsgroupsStudy.pick(study.withoutHeaders.test(), chosen), budget, samples, k,
                seed, metadata);
    }

    private static void report(String name, BagOfWordsClassifier model, Corpus corpus, List<LabelledText> posts,
                               int budget, int samples, int k, long seed, java.util.Set<String> metadata) {
        TextExplainer explainer = new TextExplainer(TextExplainerOptions.builder().samples(samples).numFeatures(k)
                .labels(1).seed(seed).build());
        List<TextExplanation> explanations = new ArrayList<>(posts.size());
        List<Map<String, Double>> weights = new ArrayList<>(posts.size());
        long t0 = System.nanoTime();
        for (LabelledText post : posts) {
            TextExplanation e = explainer.explain(post.text(), model);
            explanations.add(e);
            weights.add(e.label(1).weightsByWord());
        }
        double explainSeconds = (System.nanoTime() - t0) / 1e9;
        long p0 = System.nanoTime();
        SubmodularPick.Result<String> pick = SubmodularPick.pick(weights, Math.min(budget, posts.size()));
        double pickMillis = (System.nanoTime() - p0) / 1e6;

        System.out.printf(Locale.ROOT, "%n## SP-LIME, %s: %d explanations (%.1f s), budget %d, pick in %.1f ms%n%n", name,
                posts.size(), explainSeconds, pick.picked().size(), pickMillis);
        System.out.println("| pick | post | group | p(christian) | coverage | top words (weight towards christian; "
                + "* metadata) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int i = 0; i < pick.picked().size(); i++) {
            int index = pick.picked().get(i);
            TextExplanation e = explanations.get(index);
            TextLabelExplanation l = e.label(1);
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %.3f | %.1f%% | %s |%n", i + 1, posts.get(index).id(),
                    corpus.classNames().get(posts.get(index).label()), l.probability(),
                    100 * pick.coverage().get(i) / total(pick.importance()), words(l.top(6), metadata));
        }
        String global = pick.importance().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20)
                .map(e -> String.format(Locale.ROOT, "%s%s %.3f", e.getKey(),
                        metadata.contains(e.getKey().toLowerCase(Locale.ROOT)) ? "*" : "", e.getValue()))
                .collect(Collectors.joining(", "));
        System.out.printf(Locale.ROOT, "%nCoverage of the pick: %.1f%% of the total importance of %d words.%n",
                100 * pick.coveredShare(), pick.importance().size());
        System.out.println("Globally most important words (sqrt of summed |weight|): " + global);
    }

    private static double total(Map<String, Double> importance) {
        return importance.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String words(List<WordWeight> top, java.util.Set<String> metadata) {
        return top.stream().map(w -> String.format(Locale.ROOT, "%s%s %+.3f", w.word(),
                metadata.contains(w.word().toLowerCase(Locale.ROOT)) ? "*" : "", w.weight()))
                .collect(Collectors.joining(", "));
    }
}
