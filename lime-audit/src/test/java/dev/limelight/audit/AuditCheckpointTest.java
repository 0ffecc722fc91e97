package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a checkpoint keeps of an interrupted classifying pass, and what it drops. */
class AuditCheckpointTest {

    @TempDir
    Path out;

    private static ImageObservation observation(double p) {
        return new ImageObservation(new double[] {p, 1 - p}, new ImageProperties(2, 2, 1, 10, 1, 0, 0, 1),
                new Thumbnail(new float[Thumbnail.SIDE * Thumbnail.SIDE], 7L), new byte[] {1, 2, 3},
                new float[] {0.5f, 0.25f});
    }

    private Path file() {
        return out.resolve(AuditCheckpoint.DIR).resolve(AuditCheckpoint.FILE);
    }

    @Test
    void wholeBatchesComeBackAsTheyWereWritten() {
        AuditCheckpoint checkpoint = AuditCheckpoint.in(out);
        assertEquals(List.of(), checkpoint.open("audit-1"));
        checkpoint.append(List.of(observation(0.9), observation(0.2)));
        checkpoint.append(List.of(observation(0.6)));

        List<ImageObservation> back = AuditCheckpoint.in(out).open("audit-1");

        assertEquals(3, back.size());
        assertArrayEquals(new double[] {0.2, 0.8}, back.get(1).probabilities());
        assertArrayEquals(new float[] {0.5f, 0.25f}, back.get(2).embedding());
        assertArrayEquals(new byte[] {1, 2, 3}, back.get(0).preview());
    }

    @Test
    void aBatchCutOffByTheKillIsDroppedAndTheNextAppendFollowsTheWholeOnes() throws Exception {
        AuditCheckpoint checkpoint = AuditCheckpoint.in(out);
        checkpoint.open("audit-1");
        checkpoint.append(List.of(observation(0.9)));
        String whole = Files.readString(file());
        Files.writeString(file(), "[{\"probabilities\":[0.3,0.7],\"prop", StandardOpenOption.APPEND);

        assertEquals(1, AuditCheckpoint.in(out).open("audit-1").size());
        assertEquals(whole, Files.readString(file()), "the cut line is gone from the file");
        checkpoint.append(List.of(observation(0.4)));
        assertEquals(2, AuditCheckpoint.in(out).open("audit-1").size());
    }

    @Test
    void aCompleteLineWithoutItsNewlineCountsAsCut() throws Exception {
        AuditCheckpoint checkpoint = AuditCheckpoint.in(out);
        checkpoint.open("audit-1");
        checkpoint.append(List.of(observation(0.9)));
        String whole = Files.readString(file());
        String line = whole.substring(whole.indexOf('\n') + 1);
        Files.writeString(file(), line.strip(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(1, AuditCheckpoint.in(out).open("audit-1").size());
        assertEquals(whole, Files.readString(file()));
    }

    @Test
    void anotherAuditsCheckpointIsRefusedAndClearRemovesIt() {
        AuditCheckpoint checkpoint = AuditCheckpoint.in(out);
        checkpoint.open("audit-1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AuditCheckpoint.in(out).open("audit-2"));
        assertTrue(e.getMessage().contains("was made by another audit"), e.getMessage());
        checkpoint.clear();
        assertTrue(!Files.exists(out.resolve(AuditCheckpoint.DIR)));
    }
}
