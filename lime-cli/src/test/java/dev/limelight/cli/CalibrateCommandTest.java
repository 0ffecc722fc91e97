package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.models.calibration.CalibrationFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code limelight calibrate}: its files and the inputs it refuses. */
class CalibrateCommandTest {

    private static final String MODEL = "../models/bundled/fashion-mnist-cnn.zip";
    private static final String DATA = "../examples/fashion-mnist-audit";

    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Limelight.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesACalibrationOfTheModelsClassCountThatReadsBack() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "calibrate", "--model", MODEL, "--data", DATA, "--out", dir.toString(), "--quiet");

        assertEquals(Limelight.DONE, code, err.toString());
        CalibrationFile c = CalibrationFile.read(dir.resolve(CalibrationFile.FILE_NAME));
        assertEquals(10, c.classCount());
        assertEquals(60, c.images());
        assertTrue(c.temperature() > 0.5 && c.temperature() < 3, c.toString());
        assertTrue(c.eceBeforeInterval()[0] <= c.eceBefore() && c.eceBefore() <= c.eceBeforeInterval()[1] + 0.02,
                c.toString());
        assertTrue(Files.size(dir.resolve("reliability.png")) > 0);
        assertTrue(out.toString().contains("temperature"), out.toString());
    }

    @Test
    void aFlatFolderOrAMissingOneIsExitTwo() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.copy(Path.of("../models/bundled/images/3-dress.png"), flat.resolve("dress.png"));
        StringWriter err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, run(new StringWriter(), err, "calibrate", "--model", MODEL, "--data",
                flat.toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("no class sub-folders"), err.toString());
        err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, run(new StringWriter(), err, "calibrate", "--model", MODEL, "--data",
                dir.resolve("missing").toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("not found"), err.toString());
    }

    @Test
    void explainImageExplainsTheCalibratedProbabilitiesOfACalibrationFileAndSaysSo() throws Exception {
        Path calibration = dir.resolve("calibration");
        assertEquals(Limelight.DONE, run(new StringWriter(), new StringWriter(), "calibrate", "--model", MODEL, "--data",
                DATA, "--out", calibration.toString(), "--quiet"));
        double temperature = CalibrationFile.read(calibration.resolve(CalibrationFile.FILE_NAME)).temperature();
        String image = "../models/bundled/images/6-shirt.png";
        StringWriter err = new StringWriter();
        assertEquals(Limelight.DONE, run(new StringWriter(), err, "explain-image", "--model", MODEL, "--image", image,
                "--out", dir.resolve("plain").toString(), "--samples", "100", "--quiet"), err.toString());
        assertEquals(Limelight.DONE, run(new StringWriter(), err, "explain-image", "--model", MODEL, "--image", image,
                "--out", dir.resolve("calibrated").toString(), "--samples", "100", "--quiet", "--calibration",
                calibration.resolve(CalibrationFile.FILE_NAME).toString()), err.toString());

        JsonNode plain = new ObjectMapper().readTree(dir.resolve("plain").resolve("explanation.json").toFile());
        JsonNode calibrated = new ObjectMapper().readTree(dir.resolve("calibrated").resolve("explanation.json").toFile());
        assertEquals("probability", plain.get("explainedOutput").get("space").asText());
        assertEquals("calibrated", calibrated.get("explainedOutput").get("space").asText());
        assertEquals(temperature, calibrated.get("explainedOutput").get("temperature").asDouble(), 1e-12);
        assertTrue(calibrated.get("explainedOutput").get("source").asText().contains(CalibrationFile.FILE_NAME));
        // the outputs are softmax(log p / T) of the plain ones
        double[] p = new double[10];
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            p[k] = Math.exp(Math.log(Math.max(plain.get("outputs").get(k).asDouble(), Float.MIN_NORMAL)) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(p[k] / sum, calibrated.get("outputs").get(k).asDouble(), 1e-5, "class " + k);
        }
        assertTrue(Files.readString(dir.resolve("calibrated").resolve("report.html")).contains("calibrated probabilities"));
    }

    @Test
    void aCalibrationForAnotherClassCountIsExitTwo() throws Exception {
        Path file = dir.resolve("three.json");
        new CalibrationFile("temperature", 1.5, 3, 100, "other", 0.1, 0.05, null, null).write(file);
        StringWriter err = new StringWriter();
        assertEquals(Limelight.BAD_INPUT, run(new StringWriter(), err, "explain-image", "--model", MODEL, "--image",
                "../models/bundled/images/6-shirt.png", "--out", dir.resolve("o").toString(), "--calibration",
                file.toString()));
        assertTrue(err.toString().contains("is for 3 classes") && err.toString().contains("has 10"), err.toString());
    }

    /** A calibration of the bundled model on the example folder, for the commands below. */
    private CalibrationFile calibrate(Path into) throws Exception {
        assertEquals(Limelight.DONE, run(new StringWriter(), new StringWriter(), "calibrate", "--model", MODEL, "--data",
                DATA, "--out", into.toString(), "--quiet"));
        return CalibrationFile.read(into.resolve(CalibrationFile.FILE_NAME));
    }

    @Test
    void auditMeasuresTheCalibratedProbabilitiesOfAFileAndCrossFitsATemperatureOnItsOwnImages() throws Exception {
        CalibrationFile file = calibrate(dir.resolve("calibration"));
        Path calibration = dir.resolve("calibration").resolve(CalibrationFile.FILE_NAME);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        assertEquals(Limelight.DONE, run(out, err, "audit", "--model", MODEL, "--data", DATA, "--out",
                dir.resolve("audit").toString(), "--explain", "2", "--samples", "50", "--calibration",
                calibration.toString(), "--calibrate", "--quiet"), err.toString());

        JsonNode audit = new ObjectMapper().readTree(dir.resolve("audit").resolve("audit.json").toFile());
        assertEquals("calibrated", audit.get("calibration").get("space").asText());
        assertEquals(file.temperature(), audit.get("calibration").get("temperature").asDouble(), 1e-12);
        assertEquals(file.eceAfter(), audit.get("expectedCalibrationError").asDouble(), 1e-9,
                "the audit measures the same calibrated probabilities the file's eceAfter does");
        JsonNode crossFit = audit.get("crossFittedCalibration");
        assertEquals(5, crossFit.get("folds").asInt());
        assertEquals(60, crossFit.get("images").asInt());
        assertEquals(1.0, crossFit.get("temperature").asDouble(), 0.01,
                "probabilities calibrated on these images need no further temperature");
        assertTrue(out.toString().contains("cross-fitted temperature"), out.toString());
    }

    @Test
    void testAndCompareSayWhichProbabilitiesTheyMeasured() throws Exception {
        CalibrationFile file = calibrate(dir.resolve("calibration"));
        Path calibration = dir.resolve("calibration").resolve(CalibrationFile.FILE_NAME);
        Path suite = Files.writeString(dir.resolve("suite.yaml"),
                "tests:\n  - {name: calibrated, type: threshold, metric: ece, max: 0.5}\n");
        StringWriter err = new StringWriter();
        assertEquals(Limelight.DONE, run(new StringWriter(), err, "test", "--model", MODEL, "--data", DATA, "--suite",
                suite.toString(), "--calibration", calibration.toString(), "--out", dir.resolve("tests").toString(),
                "--quiet"), err.toString());
        JsonNode results = new ObjectMapper().readTree(dir.resolve("tests").resolve("results.json").toFile());
        assertEquals("calibrated", results.get("calibration").get("space").asText());
        assertEquals(file.eceAfter(), results.get("tests").get(0).get("value").asDouble(), 1e-9);

        assertEquals(Limelight.DONE, run(new StringWriter(), err, "compare", "--model", MODEL, "--model-b", MODEL,
                "--data", DATA, "--calibration-b", calibration.toString(), "--explain", "0", "--out",
                dir.resolve("compare").toString(), "--quiet"), err.toString());
        JsonNode compare = new ObjectMapper().readTree(dir.resolve("compare").resolve("compare.json").toFile());
        assertEquals("probability", compare.get("calibration").get("a").get("space").asText());
        assertEquals("calibrated", compare.get("calibration").get("b").get("space").asText());
        assertEquals(file.eceBefore(), compare.get("modelA").get("ece").asDouble(), 1e-9);
        assertEquals(file.eceAfter(), compare.get("modelB").get("ece").asDouble(), 1e-9);
    }

    @Test
    void aCalibrationForAnotherClassCountIsExitTwoInEveryCommand() throws Exception {
        Path other = Files.writeString(dir.resolve("three-classes.json"), "{\"method\":\"temperature\","
                + "\"temperature\":2,\"classCount\":3,\"images\":60,\"model\":\"other\",\"eceBefore\":0.1,"
                + "\"eceAfter\":0.05}");
        Path suite = Files.writeString(dir.resolve("suite.yaml"),
                "tests:\n  - {name: accuracy, type: threshold, metric: accuracy, min: 0.5}\n");
        String[][] commands = {
            {"audit", "--model", MODEL, "--data", DATA, "--calibration", other.toString(), "--out", dir.resolve("a").toString()},
            {"test", "--model", MODEL, "--data", DATA, "--suite", suite.toString(), "--calibration", other.toString(),
                "--out", dir.resolve("t").toString()},
            {"compare", "--model", MODEL, "--model-b", MODEL, "--data", DATA, "--calibration", other.toString(),
                "--out", dir.resolve("c").toString()},
        };
        for (String[] command : commands) {
            StringWriter err = new StringWriter();
            assertEquals(Limelight.BAD_INPUT, run(new StringWriter(), err, command), command[0] + ": " + err);
            assertTrue(err.toString().contains("is for 3 classes"), command[0] + ": " + err);
        }
    }
}
