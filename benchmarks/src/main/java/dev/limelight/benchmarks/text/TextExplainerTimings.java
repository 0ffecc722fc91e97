package dev.limelight.benchmarks.text;

import dev.limelight.core.FeatureSelection;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.TextStageTimings;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the wall time per stage of 5000-sample explanations of the 214-word benchmark text with a
 * trivial classifier, in the two settings measured for the reference (auto K = 10: 0.65 s; forward
 * selection K = 6: 3.5 s): the median over 20 runs after 10 warm-up runs.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.text.TextExplainerTimings}.
 */
public final class TextExplainerTimings {

    private TextExplainerTimings() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        String text = BenchmarkTexts.text();
        BenchmarkTexts.Trivial classifier = new BenchmarkTexts.Trivial();
        System.out.println("| setting | reference | Limelight total (median of 20) | tokenize | perturb | score | fit "
                + "| speed-up |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Object[] setting : new Object[][] {{FeatureSelection.AUTO, 10, 650.0}, {FeatureSelection.FORWARD_SELECTION,
                6, 3500.0}}) {
            TextExplainer explainer = new TextExplainer(TextExplainerOptions.builder()
                    .featureSelection((FeatureSelection) setting[0]).numFeatures((Integer) setting[1]).build());
            for (int i = 0; i < 10; i++) {
                explainer.explain(text, classifier);
            }
            int runs = 20;
            double[] total = new double[runs];
            TextStageTimings[] stages = new TextStageTimings[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                TextExplanation e = explainer.explain(text, classifier);
                total[i] = (System.nanoTime() - t0) / 1e6;
                stages[i] = e.timings();
            }
            double[] sorted = total.clone();
            Arrays.sort(sorted);
            double median = sorted[runs / 2];
            int at = 0;
            for (int i = 0; i < runs; i++) {
                if (total[i] == median) {
                    at = i;
                }
            }
            TextStageTimings s = stages[at];
            double reference = (Double) setting[2];
            System.out.printf(Locale.ROOT, "| %s, K = %d, 5000 samples, d = %d | %.0f ms | %.1f ms | %.1f | %.1f | %.1f "
                    + "| %.1f | %.0fx |%n", setting[0].toString().toLowerCase(Locale.ROOT), setting[1],
                    BenchmarkTexts.WORDS, reference, median, s.tokenizeMillis(), s.perturbMillis(), s.scoreMillis(),
                    s.fitMillis(), reference / median);
        }
    }
}
