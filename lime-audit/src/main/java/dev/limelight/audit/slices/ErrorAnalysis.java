package dev.limelight.audit.slices;

import dev.limelight.audit.AuditRow;
import java.util.List;

/**
 * What the rows of an audit say about where the model fails and why: the weak slices, how well each
 * image property alone predicts the label, and the clusters of the explanations.
 *
 * @param slices          the significant weak slices, most excess errors first
 * @param propertySignals per image property, how well it alone predicts the label
 * @param clusters        each predicted class's explanations grouped by their evidence
 */
public record ErrorAnalysis(List<Slice> slices, List<PropertySignal> propertySignals,
                            List<ExplanationCluster> clusters) {

    /** Copies the lists. */
    public ErrorAnalysis {
        slices = List.copyOf(slices);
        propertySignals = List.copyOf(propertySignals);
        clusters = List.copyOf(clusters);
    }

    /**
     * @param rows    the audit's rows
     * @param classes the model's class names
     * @param options how slices are searched
     * @param seed    the seed of the clustering
     * @return the analysis
     */
    public static ErrorAnalysis of(List<AuditRow> rows, List<String> classes, SliceOptions options, long seed) {
        return new ErrorAnalysis(new SliceFinder(options).weakSlices(rows), PropertySignal.of(rows),
                ExplanationClusters.of(rows, classes, seed));
    }
}
