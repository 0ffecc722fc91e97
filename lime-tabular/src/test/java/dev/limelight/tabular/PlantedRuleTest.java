package dev.limelight.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Known answers: a DL4J MLP trained here on a planted rule (churn = age &gt; 40 and geography =
 * Germany, two distractor columns) is explained by exactly those two conditions; a model that ignores
 * a column gives it no weight.
 */
class PlantedRuleTest {

    static final TableSchema SCHEMA = new TableSchema(List.of(
            TableSchema.Column.numeric("age"),
            TableSchema.Column.categorical("geography", "France", "Germany", "Spain"),
            TableSchema.Column.numeric("balance"),
            TableSchema.Column.categorical("gender", "female", "male")), "churn", List.of("stays", "leaves"));

    private static Table training;
    private static NetworkTabularClassifier model;

    @BeforeAll
    static void trainOnThePlantedRule() {
        training = plantedTable(4000, 7);
        TabularMlp mlp = TabularMlp.train(training, TabularMlp.Training.DEFAULTS.withEpochs(20).withSeed(11));
        model = mlp.classifier();
        double accuracy = mlp.accuracy(plantedTable(1000, 8));
        assertTrue(accuracy > 0.96, "the MLP learns the rule: " + accuracy + " on 1000 held-out rows");
    }

    @Test
    void thePlantedConditionsComeFirst() {
        double[] row = {63, 1, 52_000, 0};
        TabularExplanation e = new TabularExplainer(TabularExplainerOptions.builder().seed(3).build())
                .explain(row, model, TrainingDistribution.of(training, Discretizer.QUARTILE));
        TabularLabelExplanation leaves = e.first();
        assertEquals(1, leaves.label(), "the row is predicted to leave");
        List<ConditionWeight> byWeight = leaves.conditions().stream()
                .sorted(Comparator.comparingDouble((ConditionWeight c) -> -Math.abs(c.weight()))).toList();
        Set<String> topTwo = byWeight.subList(0, 2).stream().map(ConditionWeight::column).collect(Collectors.toSet());
        assertEquals(Set.of("age", "geography"), topTwo, "the two planted conditions on top: " + byWeight);
        assertEquals("geography = Germany", leaves.weightOf("geography").orElseThrow().condition());
        NumericBins ageBins = ((NumericDistribution) e.training().column(0)).bins();
        int bin = ageBins.bin(63);
        assertEquals(ageBins.condition(bin), leaves.weightOf("age").orElseThrow().condition());
        assertTrue(ageBins.boundaries()[bin - 1] >= 40, "the row's age bin lies above 40: " + ageBins.condition(bin));
        assertTrue(byWeight.get(0).weight() > 0 && byWeight.get(1).weight() > 0, "both raise 'leaves': " + byWeight);
        for (String distractor : List.of("balance", "gender")) {
            double w = leaves.weightOf(distractor).map(ConditionWeight::weight).orElse(0.0);
            assertTrue(Math.abs(w) < 0.2 * byWeight.get(1).weight(), distractor + " weighs " + w + ": " + byWeight);
        }
    }

    @Test
    void changingOnePlantedConditionFlipsThePredictionAndTheTrustMeasuresRun() {
        double[] row = {63, 1, 52_000, 0};
        TabularExplanation e = new TabularExplainer(TabularExplainerOptions.builder().seed(4).samples(2000)
                .stability(3, 2).fidelityCurves(true).counterfactual(true).build())
                .explain(row, model, TrainingDistribution.of(training, Discretizer.QUARTILE));
        TabularLabelExplanation leaves = e.first();
        var counterfactual = leaves.trust().counterfactualIfFound().orElseThrow();
        assertEquals(1, counterfactual.removed().size(), "one condition is enough");
        String changed = e.schema().column(counterfactual.removed().get(0)).name();
        assertTrue(Set.of("age", "geography").contains(changed), changed);
        assertEquals(0, counterfactual.newLabel(), "without it the row stays");
        assertEquals(1.0, leaves.trust().stabilityIfMeasured().orElseThrow().topKJaccard(), 1e-12,
                "the planted pair is the top 2 under every seed");
        var fidelity = leaves.trust().fidelityIfMeasured().orElseThrow();
        assertTrue(fidelity.deletionArea() < fidelity.randomDeletionArea(), fidelity.toString());
    }

    @Test
    void entropyBinsFollowThePlantedThreshold() {
        NumericBins age = ((NumericDistribution) TrainingDistribution.of(training, Discretizer.ENTROPY).column(0)).bins();
        double nearest = java.util.Arrays.stream(age.boundaries()).map(b -> Math.abs(b - 40.5)).min().orElseThrow();
        assertTrue(nearest < 1e-9, "a boundary at 40.5, between the ages 40 and 41: " + age);
    }

    @Test
    void aModelThatIgnoresAColumnGivesItNoWeight() {
        // reads only age: leaves above 50
        TabularClassifier ageOnly = new TabularClassifier() {
            @Override
            public int classCount() {
                return 2;
            }

            @Override
            public org.nd4j.linalg.api.ndarray.INDArray predict(double[][] rows) {
                double[][] p = new double[rows.length][];
                for (int i = 0; i < rows.length; i++) {
                    double leave = rows[i][0] > 50 ? 0.9 : 0.1;
                    p[i] = new double[] {1 - leave, leave};
                }
                return Nd4j.createFromArray(p);
            }
        };
        TabularExplanation e = new TabularExplainer(TabularExplainerOptions.builder().seed(5).labels(1).build())
                .explain(new double[] {75, 2, 10_000, 1}, ageOnly, TrainingDistribution.of(training, Discretizer.QUARTILE));
        TabularLabelExplanation leaves = e.first();
        assertTrue(leaves.weightOf("age").orElseThrow().weight() > 0.5, leaves.conditions().toString());
        for (String ignored : List.of("geography", "balance", "gender")) {
            double w = leaves.weightOf(ignored).map(ConditionWeight::weight).orElse(0.0);
            assertTrue(Math.abs(w) < 0.02, ignored + " weighs " + w);
        }
    }

    /** Rows with uniform age 18-80, geography and gender uniform, balance uniform 0-200k; churn = age > 40 and Germany. */
    static Table plantedTable(int rows, long seed) {
        Random random = new Random(seed);
        double[][] values = new double[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double age = 18 + random.nextInt(63);
            int geography = random.nextInt(3);
            values[i] = new double[] {age, geography, Math.round(random.nextDouble() * 200_000), random.nextInt(2)};
            labels[i] = age > 40 && geography == 1 ? 1 : 0;
        }
        return new Table(SCHEMA, values, labels, "planted rows");
    }
}
