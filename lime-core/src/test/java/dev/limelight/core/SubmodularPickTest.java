package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmodularPickTest {

    @Test
    void picksTheExplanationsThatTogetherCoverTheMostImportantFeatures() {
        // "snow" matters in two explanations, "fur" and "ears" in one each; the second pick must add
        // the features the first left uncovered, not repeat them.
        List<Map<String, Double>> explanations = List.of(
                Map.of("snow", 0.9, "fur", 0.1),
                Map.of("snow", 0.8),
                Map.of("ears", 0.5, "eyes", 0.4),
                Map.of("fur", 0.2));

        SubmodularPick.Result<String> result = SubmodularPick.pick(explanations, 2);

        assertEquals(List.of(0, 2), result.picked());
        assertEquals(Math.sqrt(1.7), result.importance().get("snow"), 1e-12);
        assertEquals(Math.sqrt(1.7) + Math.sqrt(0.3) + Math.sqrt(0.5) + Math.sqrt(0.4),
                result.coverage().get(1), 1e-12);
        assertEquals(1.0, result.coveredShare(), 1e-12);
    }

    @Test
    void aLaterCandidateWinsATieAsInTheReference() {
        List<Map<Integer, Double>> explanations = List.of(Map.of(1, 0.5), Map.of(1, -0.5), Map.of(2, 0.1));
        assertEquals(List.of(1), SubmodularPick.pick(explanations, 1).picked());
    }

    @Test
    void featuresWithZeroWeightCoverNothing() {
        List<Map<Integer, Double>> explanations = List.of(Map.of(1, 0.0, 2, 0.3), Map.of(1, 0.4));
        assertEquals(List.of(1, 0), SubmodularPick.pick(explanations, 2).picked());
    }

    @Test
    void budgetOutOfRangeIsRejected() {
        List<Map<Integer, Double>> explanations = List.of(Map.of(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SubmodularPick.pick(explanations, 0));
        assertThrows(IllegalArgumentException.class, () -> SubmodularPick.pick(explanations, 2));
        assertThrows(IllegalArgumentException.class, () -> SubmodularPick.pick(List.<Map<Integer, Double>>of(), 1));
    }
}
