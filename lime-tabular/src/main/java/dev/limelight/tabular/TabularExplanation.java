package dev.limelight.tabular;

import dev.limelight.core.OutputKind;
import dev.limelight.core.StageTimings;
import dev.limelight.core.sampling.SamplingReport;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Why a classifier predicted what it did for a table row: per explained label, the weight of the
 * conditions the row meets ("age > 42.00", "island = Dream").
 *
 * @param row           the explained row, encoded
 * @param values        the row's values in words, one per feature column
 * @param conditions    the condition the row meets, one per feature column
 * @param labels        one explanation per explained label
 * @param classNames    the classifier's class names
 * @param probabilities the classifier's outputs for the row
 * @param training      what the explainer learnt from the training data
 * @param seed          the seed used
 * @param samples       N, the rows scored (the original included)
 * @param options       the options used, the kernel width for the row's columns set
 * @param timings       wall time per stage
 * @param sampling      how adaptive sampling went, or null when it was off
 * @param outputKind    what the classifier's outputs are
 */
public record TabularExplanation(double[] row, List<String> values, List<String> conditions,
                                 List<TabularLabelExplanation> labels, List<String> classNames, double[] probabilities,
                                 TrainingDistribution training, long seed, int samples,
                                 TabularExplainerOptions options, StageTimings timings, SamplingReport sampling,
                                 OutputKind outputKind) {

    /** Copies the arrays and lists. */
    public TabularExplanation {
        row = row.clone();
        values = List.copyOf(values);
        conditions = List.copyOf(conditions);
        labels = List.copyOf(labels);
        classNames = List.copyOf(classNames);
        probabilities = probabilities.clone();
    }

    @Override
    public double[] row() {
        return row.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** @return the kernel width used */
    public double kernelWidth() {
        return options.kernelWidth(row.length);
    }

    /** @return the table's schema */
    public TableSchema schema() {
        return training.schema();
    }

    /**
     * @param label a class index
     * @return the explanation of that label
     * @throws NoSuchElementException if that label was not explained
     */
    public TabularLabelExplanation label(int label) {
        return labels.stream().filter(l -> l.label() == label).findFirst()
                .orElseThrow(() -> new NoSuchElementException("label " + label + " was not explained; explained: "
                        + labels.stream().map(TabularLabelExplanation::label).toList()));
    }

    /** @return the first explained label's explanation */
    public TabularLabelExplanation first() {
        return labels.get(0);
    }

    /** @return how adaptive sampling went, if it was on */
    public Optional<SamplingReport> samplingIfAdaptive() {
        return Optional.ofNullable(sampling);
    }

    /** @return the class of highest output on the row (ties to the lower index) */
    public int predictedLabel() {
        return dev.limelight.core.ExplanationLoop.topLabels(probabilities, 1)[0];
    }

    @Override
    public String toString() {
        return "TabularExplanation[columns=" + row.length + ", samples=" + samples + ", seed=" + seed + ", labels="
                + labels.stream().map(l -> l.label() + " " + l.name()).toList() + ", " + timings + "]";
    }
}
