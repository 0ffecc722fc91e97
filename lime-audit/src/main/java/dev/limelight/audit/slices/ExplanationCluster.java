package dev.limelight.audit.slices;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A group of one class's explanations that rest on the same evidence.
 *
 * @param id          {@code CLASS-N}: the class's index and the cluster's number within it (what
 *                    {@code limelight improve --from-audit DIR --cluster ID} takes)
 * @param className   the explained (predicted) class ({@code class} in audit.json)
 * @param members     the rows' paths
 * @param meanWeights the members' mean weight of every grid cell
 * @param topCell     the cell of largest mean weight
 * @param topShare    the share of the cluster's mean positive weight in the top cell
 * @param agreement   the share of members whose own strongest cell is the top cell
 * @param flagged     whether the cluster is a candidate shortcut (see {@link ExplanationClusters})
 */
public record ExplanationCluster(String id, @JsonProperty("class") String className, List<String> members, double[] meanWeights, int topCell,
                                 double topShare, double agreement, boolean flagged) {

    /** Copies the members and weights. */
    public ExplanationCluster {
        members = List.copyOf(members);
        meanWeights = meanWeights.clone();
    }

    @Override
    public double[] meanWeights() {
        return meanWeights.clone();
    }
}
