package dev.limelight.models.calibration;

import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageEmbedder;
import dev.limelight.core.ImageInput;
import dev.limelight.core.PreprocessedInput;
import dev.limelight.core.Probabilities;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An {@link ImageClassifier} whose probabilities are temperature-scaled: softmax(log p / T), p the
 * wrapped classifier's probabilities (below the smallest normal float they count as that, so the
 * logarithm is finite). T comes from {@link TemperatureScaling}; T = 1 changes nothing, T > 1
 * softens over-confident outputs. The ranking of the classes is kept. Computed with ND4J
 * operations on the wrapped classifier's output (works on any backend).
 */
public final class CalibratedClassifier implements ImageClassifier {

    private final ImageClassifier classifier;
    private final double temperature;
    private final String source;

    /**
     * @param classifier  the classifier to calibrate
     * @param temperature T, finite and > 0
     */
    public CalibratedClassifier(ImageClassifier classifier, double temperature) {
        this(classifier, temperature, null);
    }

    /**
     * @param classifier  the classifier to calibrate
     * @param temperature T, finite and > 0
     * @param source      where T comes from (say "calibration file out/calibration/calibration.json"),
     *                    for explanation.json and reports; may be null
     */
    public CalibratedClassifier(ImageClassifier classifier, double temperature, String source) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        this.temperature = temperature;
        this.source = source;
    }

    /** @return calibrated probabilities at this temperature, from its source */
    @Override
    public ExplainedOutput explainedOutput() {
        return ExplainedOutput.calibrated(temperature, source);
    }

    /** @return the wrapped classifier's embedder, its outputs temperature-scaled as {@link #predict} scales them */
    @Override
    public Optional<ImageEmbedder> embedder() {
        return classifier.embedder().map(embedder -> batch -> {
            ImageEmbedder.Embedded raw = embedder.predictAndEmbed(batch);
            return new ImageEmbedder.Embedded(calibrated(raw.outputs()), raw.embeddings());
        });
    }

    /** @return the wrapped classifier's preprocessing step, its outputs temperature-scaled as {@link #predict} scales them */
    @Override
    public Optional<PreprocessedInput> preprocessedInput() {
        return classifier.preprocessedInput().map(inner -> new PreprocessedInput() {
            @Override
            public void preprocessInPlace(INDArray images) {
                inner.preprocessInPlace(images);
            }

            @Override
            public INDArray predictPreprocessed(INDArray preprocessed) {
                return calibrated(inner.predictPreprocessed(preprocessed));
            }
        });
    }

    /** @return the wrapped classifier */
    public ImageClassifier classifier() {
        return classifier;
    }

    /** @return T */
    public double temperature() {
        return temperature;
    }

    @Override
    public ImageInput input() {
        return classifier.input();
    }

    @Override
    public int classCount() {
        return classifier.classCount();
    }

    @Override
    public List<String> classNames() {
        return classifier.classNames();
    }

    @Override
    public INDArray predict(INDArray batch) {
        return calibrated(classifier.predict(batch));
    }

    private INDArray calibrated(INDArray p) {
        return Probabilities.requireValid(scale(p, temperature), p.rows(), classCount(), toString());
    }

    /**
     * Temperature-scales probabilities: softmax(log max(p, floor) / T), floor the smallest normal
     * float.
     *
     * @param probabilities N x K probabilities (left unchanged)
     * @param temperature   T, finite and > 0
     * @return the N x K calibrated probabilities, a new array
     */
    public static INDArray scale(INDArray probabilities, double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        INDArray logs = Transforms.log(Transforms.max(probabilities, LogScores.PROBABILITY_FLOOR, true), false);
        return Transforms.softmax(logs.divi(temperature), false);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s calibrated at T = %.4f", classifier, temperature);
    }
}
