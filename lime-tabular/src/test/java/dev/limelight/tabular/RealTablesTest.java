package dev.limelight.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two real tables bundled in {@code examples/tabular}: Fisher's Iris (numeric) and the Palmer
 * penguins (numeric and categorical). Known answers from the data: setosa irises are told apart by
 * their small petals; every Chinstrap penguin in the table lives on Dream island.
 */
class RealTablesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "tabular");

    @Test
    void aSetosaIsExplainedByItsSmallPetals() {
        Table iris = Table.read(EXAMPLES.resolve("iris/iris.csv"), TableSchema.read(EXAMPLES.resolve("iris/schema.json")));
        assertEquals(150, iris.size());
        TabularMlp mlp = TabularMlp.train(iris, TabularMlp.Training.DEFAULTS.withSeed(5));
        assertTrue(mlp.accuracy(iris) > 0.9, "trained: " + mlp.accuracy(iris));
        TabularExplanation e = new TabularExplainer(TabularExplainerOptions.builder().seed(1).build())
                .explain(iris.row(0), mlp.classifier(), TrainingDistribution.of(iris, Discretizer.QUARTILE));
        TabularLabelExplanation setosa = e.first();
        assertEquals("setosa", setosa.name());
        ConditionWeight top = setosa.conditions().get(0);
        assertTrue(top.column().startsWith("petal_") && top.weight() > 0, "a petal condition first: "
                + setosa.conditions());
        assertTrue(top.condition().contains(" <= "), "the row's petals are in the lowest bin: " + top.condition());
    }

    @Test
    void chinstrapPenguinsAreExplainedByDreamIsland() {
        TableSchema schema = TableSchema.read(EXAMPLES.resolve("penguins/schema.json"));
        Table penguins = Table.read(EXAMPLES.resolve("penguins/penguins.csv"), schema);
        assertEquals(333, penguins.size());
        NetworkTabularClassifier model = NetworkTabularClassifier.load(EXAMPLES.resolve("penguins/model.zip"), schema);
        assertTrue(model.hasNormalizer(), "the example model carries its normalizer");
        TrainingDistribution training = TrainingDistribution.of(penguins, Discretizer.QUARTILE);
        TabularExplainer explainer = new TabularExplainer(TabularExplainerOptions.builder().samples(2000).seed(2).build());
        int chinstrap = schema.classes().indexOf("Chinstrap");
        int explained = 0;
        for (int i = 0; i < penguins.size() && explained < 5; i++) {
            if (penguins.labels()[i] != chinstrap) {
                continue;
            }
            TabularExplanation e = explainer.explain(penguins.row(i), model, training);
            if (e.predictedLabel() != chinstrap) {
                continue;
            }
            explained++;
            List<ConditionWeight> top = e.first().conditions().subList(0, 3);
            assertTrue(top.stream().anyMatch(c -> c.condition().equals("island = Dream") && c.weight() > 0),
                    "row " + i + ": " + e.first().conditions());
        }
        assertEquals(5, explained, "five Chinstraps predicted as such");
    }
}
