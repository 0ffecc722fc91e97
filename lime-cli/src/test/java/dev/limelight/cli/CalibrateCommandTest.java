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
}
