package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
