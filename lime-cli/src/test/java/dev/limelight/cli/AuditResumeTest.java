package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limelight.audit.AuditCheckpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit killed with SIGKILL at a seeded random point of its classifying pass, then resumed, writes
 * the same audit.json and rows.jsonl, byte for byte, as an uninterrupted run; while it is dead, no
 * output file is there half-written.
 */
class AuditResumeTest {

    private static final String MODEL = "../models/bundled/fashion-mnist-cnn.zip";
    private static final String DATA = "../examples/fashion-mnist-audit";
    /** 60 images in batches of 4: 15 checkpointed batches. */
    private static final String BATCH = "4";

    @TempDir
    Path dir;

    private static String[] audit(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", MODEL, "--data", DATA, "--out", out.toString(),
                "--batch", BATCH, "--explain", "6", "--samples", "100", "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static int run(StringWriter err, String... args) {
        return Limelight.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    /** The audit in a child JVM, killed (SIGKILL) once its checkpoint holds {@code batches} batches. */
    private static void killAfter(Path out, int batches) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path")));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        command.add(Limelight.class.getName());
        command.addAll(List.of(audit(out)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling("child.log").toFile()).start();
        Path checkpoint = out.resolve(AuditCheckpoint.DIR).resolve(AuditCheckpoint.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(checkpoint) < 1 + batches && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the audit was still running when it was killed; its log: "
                + Files.readString(out.resolveSibling("child.log")));
        child.destroyForcibly().waitFor();
    }

    private static long lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    @Test
    void aKilledAuditResumedWritesWhatAnUninterruptedOneWrites() throws Exception {
        Path whole = dir.resolve("whole");
        StringWriter err = new StringWriter();
        assertEquals(Limelight.DONE, run(err, audit(whole)), err.toString());

        int batches = 2 + new SplittableRandom(System.nanoTime()).nextInt(10);
        Path killed = dir.resolve("killed");
        killAfter(killed, batches);
        for (String output : List.of("audit.json", "rows.jsonl", "report.html", "reliability.png")) {
            assertFalse(Files.exists(killed.resolve(output)), output + " exists before the audit finished");
        }
        try (var left = Files.list(killed)) {
            assertEquals(List.of(killed.resolve(AuditCheckpoint.DIR)), left.toList(),
                    "nothing but the checkpoint (no temporary file) after the kill");
        }

        assertEquals(Limelight.DONE, run(err, audit(killed, "--resume")), err.toString());

        assertArrayEquals(Files.readAllBytes(whole.resolve("audit.json")), Files.readAllBytes(killed.resolve("audit.json")),
                "audit.json after a kill after " + batches + " batches and a resume");
        assertArrayEquals(Files.readAllBytes(whole.resolve("rows.jsonl")), Files.readAllBytes(killed.resolve("rows.jsonl")));
        new ObjectMapper().readTree(killed.resolve("audit.json").toFile());
        assertFalse(Files.exists(killed.resolve(AuditCheckpoint.DIR)), "the checkpoint is removed once the audit is written");
    }

    @Test
    void anotherAuditsCheckpointIsRefusedOnResume() throws Exception {
        Path out = dir.resolve("other");
        killAfter(out, 2);
        StringWriter err = new StringWriter();
        String[] otherBatch = audit(out, "--resume");
        otherBatch[java.util.Arrays.asList(otherBatch).indexOf("--batch") + 1] = "8";
        assertEquals(Limelight.BAD_INPUT, run(err, otherBatch));
        assertTrue(err.toString().contains("was made by another audit"), err.toString());

        err = new StringWriter();
        assertEquals(Limelight.DONE, run(err, audit(out)), "without --resume the checkpoint is discarded: " + err);
    }
}
