package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.tabular.Table;
import dev.limelight.tabular.TableSchema;
import dev.limelight.tabular.TabularMlp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code limelight explain-row} end to end: a CSV file read through DataVec, a schema, a DL4J model
 * zip with its normalizer; the planted rule comes out on top; the bundled penguins example explains;
 * bad input is exit 2 naming the file and the problem.
 */
class ExplainRowCommandTest {

    private static final Path PENGUINS = Path.of("..", "examples", "tabular", "penguins");

    @TempDir
    static Path dir;

    private static Path csv;
    private static Path schema;
    private static Path model;

    /** churn = age > 40 and geography = Germany, written as a CSV with an id column the schema ignores. */
    @BeforeAll
    static void plantedTableAndModel() throws IOException {
        csv = dir.resolve("churn.csv");
        Random random = new Random(21);
        List<String> lines = new ArrayList<>(List.of("id,age,geography,balance,churn"));
        String[] countries = {"France", "Germany", "Spain"};
        for (int i = 0; i < 3000; i++) {
            int age = 18 + random.nextInt(63);
            String country = countries[random.nextInt(3)];
            boolean churn = age > 40 && country.equals("Germany");
            lines.add(i + "," + age + "," + country + "," + random.nextInt(200_000) + "," + (churn ? "yes" : "no"));
        }
        Files.write(csv, lines);
        schema = dir.resolve("schema.json");
        Files.writeString(schema, """
                {"label": "churn", "classes": ["no", "yes"],
                 "columns": [{"name": "age", "type": "numeric"},
                             {"name": "geography", "type": "categorical"},
                             {"name": "balance", "type": "numeric"}]}
                """);
        Table table = Table.read(csv, TableSchema.read(schema));
        TabularMlp mlp = TabularMlp.train(table, TabularMlp.Training.DEFAULTS.withEpochs(15).withSeed(3));
        assertTrue(mlp.accuracy(table) > 0.96, "the MLP learns the rule: " + mlp.accuracy(table));
        model = dir.resolve("churn.zip");
        mlp.save(model);
    }

    @Test
    void thePlantedConditionsComeOutOnTopThroughTheCommandLine() throws IOException {
        int row = firstRow("Germany", 60);
        Path out = dir.resolve("planted");
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(stdout, err, "explain-row", "--model", model.toString(), "--data", csv.toString(), "--schema",
                schema.toString(), "--row", Integer.toString(row), "--out", out.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.resolve("explanation.json").toFile());
        assertEquals("table", json.at("/input/kind").asText());
        assertEquals(row, json.at("/input/row").asInt());
        assertEquals("yes", json.at("/labels/0/name").asText());
        JsonNode weights = json.at("/labels/0/weights");
        List<String> topTwo = List.of(weights.get(0).get("column").asText(), weights.get(1).get("column").asText());
        assertTrue(topTwo.containsAll(List.of("age", "geography")), weights.toString());
        assertTrue(weights.get(0).get("weight").asDouble() > 0 && weights.get(1).get("weight").asDouble() > 0);
        assertTrue(stdout.toString().contains("geography = Germany"), stdout.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("geography = Germany") && html.contains("churn.csv, row " + row), "report names them");
    }

    @Test
    void theBundledPenguinsExampleExplains() throws IOException {
        Path out = dir.resolve("penguins");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "explain-row", "--model", PENGUINS.resolve("model.zip").toString(),
                "--data", PENGUINS.resolve("penguins.csv").toString(), "--schema",
                PENGUINS.resolve("schema.json").toString(), "--row", "0", "--samples", "1000", "--out", out.toString(),
                "--quiet");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.resolve("explanation.json").toFile());
        assertEquals("Adelie", json.at("/labels/0/name").asText(), "row 0 is an Adelie penguin, and predicted so");
        assertEquals(6, json.at("/input/columns").size());
        assertEquals(0.75 * Math.sqrt(6), json.at("/options/kernelWidth").asDouble(), 1e-12);
    }

    @Test
    void badInputIsExitTwoNamingTheProblem() throws IOException {
        String[] base = {"explain-row", "--model", model.toString(), "--data", csv.toString(), "--schema",
            schema.toString(), "--out", dir.resolve("bad").toString(), "--quiet"};
        assertRefused("out of range", concat(base, "--row", "3000"));
        assertRefused("--discretizer", concat(base, "--row", "0", "--discretizer", "gini"));
        assertRefused("--design does not apply", concat(base, "--row", "0", "--design", "orthogonal"));

        Path missingColumn = dir.resolve("missing-column.json");
        Files.writeString(missingColumn, "{\"label\": \"churn\", \"columns\": [{\"name\": \"tenure\", \"type\": \"numeric\"}]}");
        assertRefused("has no column 'tenure'", "explain-row", "--model", model.toString(), "--data", csv.toString(),
                "--schema", missingColumn.toString(), "--row", "0", "--out", dir.resolve("bad").toString());

        Path badValue = dir.resolve("bad-value.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(3, "2,forty,Spain,100,no");
        Files.write(badValue, lines);
        assertRefused("line 4: 'age' is 'forty', not a number", "explain-row", "--model", model.toString(), "--data",
                badValue.toString(), "--schema", schema.toString(), "--row", "0", "--out", dir.resolve("bad").toString());

        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"columns\": [{\"name\": \"age\", \"type\": \"numerik\"}]}");
        assertRefused("unknown column type 'numerik'", "explain-row", "--model", model.toString(), "--data",
                csv.toString(), "--schema", typo.toString(), "--row", "0", "--out", dir.resolve("bad").toString());

        // the penguins model takes 10 values; this schema encodes 5
        assertRefused("does not take the schema's rows", "explain-row", "--model",
                PENGUINS.resolve("model.zip").toString(), "--data", csv.toString(), "--schema", schema.toString(),
                "--row", "0", "--out", dir.resolve("bad").toString());
    }

    @Test
    void theImageFolderCommandsSayTheyDoNotTakeTablesYet() {
        for (String command : List.of("audit", "calibrate")) {
            assertRefused("limelight " + command + " runs over a folder of labelled images and does not take tables yet",
                    command, "--model", model.toString(), "--data", csv.toString(), "--out",
                    dir.resolve(command).toString());
        }
        assertRefused("limelight test runs over a folder of labelled images and does not take tables yet", "test",
                "--model", model.toString(), "--data", csv.toString(), "--suite", schema.toString(), "--out",
                dir.resolve("test").toString());
    }

    private static void assertRefused(String expected, String... args) {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, args);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(expected), "expected '" + expected + "' in: " + err);
    }

    private static int firstRow(String country, int minAge) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            if (cells[2].equals(country) && Integer.parseInt(cells[1]) >= minAge) {
                return i - 1;
            }
        }
        throw new IllegalStateException("no such row");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
