package dev.limelight.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails part-way leaves the previous file, whole, and no temporary file behind. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFinishedWriteReplacesTheFile() throws IOException {
        Path file = dir.resolve("sub/report.html");
        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");

        assertEquals("second", Files.readString(file));
        assertEquals(1, count(file.getParent()), "no temporary file left");
    }

    @Test
    void aWriteThatFailsPartWayLeavesThePreviousFile() throws IOException {
        Path file = dir.resolve("results.json");
        AtomicFiles.writeString(file, "{\"whole\": true}");

        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("{\"half".getBytes());
            throw new IOException("interrupted");
        }));

        assertEquals("{\"whole\": true}", Files.readString(file));
        assertEquals(1, count(dir));
    }

    @Test
    void aFailedFirstWriteLeavesNoFile() {
        Path file = dir.resolve("new.png");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(1);
            throw new IllegalStateException("encoder failed");
        }));

        assertFalse(Files.exists(file));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
