package dev.limelight.benchmarks.text;

import dev.limelight.core.FeatureSelection;
import dev.limelight.text.TextExplainer;
import dev.limelight.text.TextExplainerOptions;
import dev.limelight.text.TextExplanation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole text explanation per call, as the reference's {@code LimeTextExplainer.explain_instance}
 * with its defaults: tokenisation, 5000 perturbed texts built and scored in batches of 256 by a
 * trivial classifier ({@link BenchmarkTexts.Trivial}), cosine distances, the K-Lasso fit. The text
 * has 214 distinct words ({@link BenchmarkTexts#text()}). Two settings, those measured for the
 * reference here: {@code auto} with K = 10 (highest weights; reference 0.65 s) and forward
 * selection with K = 6 (reference 3.5 s).
 *
 * <p>Run: {@code benchmarks/jmh TextExplainerBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextExplainerBenchmark {

    /** "AUTO_10": auto, K = 10 (resolves to highest weights); "FORWARD_SELECTION_6": forward selection, K = 6. */
    @Param({"AUTO_10", "FORWARD_SELECTION_6"})
    public String setting;

    private String text;
    private BenchmarkTexts.Trivial classifier;
    private TextExplainer explainer;

    /** Builds the text, the classifier and the explainer. */
    @Setup
    public void setUp() {
        text = BenchmarkTexts.text();
        classifier = new BenchmarkTexts.Trivial();
        int split = setting.lastIndexOf('_');
        explainer = new TextExplainer(TextExplainerOptions.builder()
                .featureSelection(FeatureSelection.valueOf(setting.substring(0, split)))
                .numFeatures(Integer.parseInt(setting.substring(split + 1)))
                .build());
    }

    /** @return one explanation (5000 samples) */
    @Benchmark
    public TextExplanation explain() {
        return explainer.explain(text, classifier);
    }
}
