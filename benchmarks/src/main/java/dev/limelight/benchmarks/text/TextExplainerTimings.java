package dev.limelight.benchmarks.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.core.FeatureSelection;
import dev.limelight.core.StageTimings;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the wall time per stage of 5000-sample explanations of the 214-word benchmark text with a
 * trivial classifier, in two settings (auto selection with K = 10; forward selection with K = 6):
 * the median over 20 runs after 10 warm-up runs.
 *
 * <p>The reference package's times are printed beside them only when measured: give the JSON that
 * {@code benchmarks/analysis/reference_text_timings.py} writes (it times lime's LimeTextExplainer on
 * the same text, which {@code --print-text} prints), and its date and CPU are printed with it.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.text.TextExplainerTimings [--reference FILE]},
 * or {@code ... --print-text > TEXT}.
 */
public final class TextExplainerTimings {

    private TextExplainerTimings() {
    }

    /**
     * @param args {@code --print-text}, or {@code --reference FILE} (optional)
     */
    public static void main(String[] args) throws IOException {
        String text = BenchmarkTexts.text();
        if (args.length > 0 && args[0].equals("--print-text")) {
            System.out.println(text);
            return;
        }
        Optional<JsonNode> reference = args.length > 1 && args[0].equals("--reference")
                ? Optional.of(new ObjectMapper().readTree(Path.of(args[1]).toFile())) : Optional.empty();
        reference.ifPresent(r -> System.out.printf(Locale.ROOT, "reference: %s (Python %s, numpy %s, scikit-learn %s), "
                        + "measured %s on %s, %d cores%n", r.get("reference").asText(), r.get("python").asText(),
                r.get("numpy").asText(), r.get("scikitLearn").asText(), r.get("date").asText(), r.get("cpu").asText(),
                r.get("cores").asInt()));
        BenchmarkTexts.Trivial classifier = new BenchmarkTexts.Trivial();
        System.out.println("| setting | reference (median) | Limelight total (median of 20) | tokenize | perturb | score "
                + "| fit | speed-up |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Object[][] settings = {{FeatureSelection.AUTO, 10}, {FeatureSelection.FORWARD_SELECTION, 6}};
        for (Object[] setting : settings) {
            FeatureSelection mode = (FeatureSelection) setting[0];
            int k = (Integer) setting[1];
            TextExplainer explainer = new TextExplainer(TextExplainerOptions.builder().featureSelection(mode)
                    .numFeatures(k).build());
            for (int i = 0; i < 10; i++) {
                explainer.explain(text, classifier);
            }
            int runs = 20;
            double[] total = new double[runs];
            StageTimings[] stages = new StageTimings[runs];
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
            StageTimings s = stages[at];
            Optional<Double> referenceMillis = reference.flatMap(r -> referenceMedian(r, mode, k));
            System.out.printf(Locale.ROOT, "| %s, K = %d, 5000 samples, d = %d | %s | %.1f ms | %.1f | %.1f | %.1f "
                            + "| %.1f | %s |%n", mode.toString().toLowerCase(Locale.ROOT), k, BenchmarkTexts.WORDS,
                    referenceMillis.map(r -> String.format(Locale.ROOT, "%.0f ms", r)).orElse("not measured"), median,
                    s.millis("tokenize"), s.millis("perturb"), s.millis("score"), s.millis("fit"),
                    referenceMillis.map(r -> String.format(Locale.ROOT, "%.0fx", r / median)).orElse("-"));
        }
    }

    private static Optional<Double> referenceMedian(JsonNode reference, FeatureSelection mode, int k) {
        for (JsonNode s : reference.get("settings")) {
            if (s.get("featureSelection").asText().equalsIgnoreCase(mode.name()) && s.get("k").asInt() == k) {
                return Optional.of(s.get("medianMillis").asDouble());
            }
        }
        return Optional.empty();
    }
}
