package dev.limelight.audit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --fail-on} rules: read, refused when unreadable, and held against a comparison. */
class FailOnTest {

    private static Comparison diff(int broken, double accuracyA, double accuracyB) {
        List<String> paths = java.util.stream.IntStream.range(0, broken).mapToObj(i -> "c/" + i + ".png").toList();
        return new Comparison(new ModelDiff.Metrics("A", accuracyA, 0, List.of()),
                new ModelDiff.Metrics("B", accuracyB, 0, List.of()), List.of(),
                new ModelDiff.Changed(List.of("f.png"), paths, List.of()), McNemar.of(1, broken), List.of(), List.of(),
                null, null, null, List.of(), List.of());
    }

    @Test
    void aRuleThatHoldsFailsTheComparison() {
        FailOn rules = FailOn.parse("broken > 5, accuracy-drop>=0.02,fixed < 1");

        assertEquals(3, rules.rules().size());
        assertEquals(List.of(), rules.failures(diff(5, 0.90, 0.89)));
        assertEquals(1, rules.failures(diff(6, 0.90, 0.89)).size());
        assertTrue(rules.failures(diff(0, 0.90, 0.85)).get(0).startsWith("accuracy-drop >= 0.02"));
    }

    @Test
    void driftRulesReadTheSmallestPValue() {
        Comparison drift = new Comparison(null, null, null, null, null, null, null, null,
                Map.of("sharpness", new DriftTest("kolmogorov-smirnov", 1, 1e-9, 1, 2),
                        "width", new DriftTest("kolmogorov-smirnov", 0, 1, 28, 28)), List.of(), List.of(), List.of());

        assertEquals(1, FailOn.parse("drift-pvalue < 0.001").failures(drift).size());
        String message = assertThrows(IllegalArgumentException.class,
                () -> FailOn.parse("broken > 1").failures(drift)).getMessage();
        assertTrue(message.contains("paired model diff"), message);
    }

    @Test
    void anUnreadableRuleIsRefusedByName() {
        for (String bad : List.of("broken = 3", "speed > 1", "broken >", "broken > x")) {
            String message = assertThrows(IllegalArgumentException.class, () -> FailOn.parse(bad)).getMessage();
            assertTrue(message.contains("'" + bad.trim() + "'"), message);
        }
    }
}
