package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNamesTest {

    @TempDir
    Path dir;

    @Test
    void readsAKerasClassIndexFileInIndexOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("index.json"),
                "{\"1\": [\"n02\", \"goldfish\"], \"0\": [\"n01\", \"tench\"], \"2\": \"shark\"}");
        assertEquals(List.of("tench", "goldfish", "shark"), ClassNames.read(file));
    }

    @Test
    void readsOneNamePerLineIgnoringTrailingBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("names.txt"), "T-shirt/top\r\nTrouser\n  Pullover \n\n\n");
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover"), ClassNames.read(file));
    }

    @Test
    void rejectsABlankLineBetweenNames() throws IOException {
        Path file = Files.writeString(dir.resolve("names.txt"), "cat\n\ndog\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassNames.read(file));
        assertTrue(e.getMessage().contains("line 2 is blank"), e.getMessage());
    }

    @Test
    void rejectsAClassIndexFileWithAGap() throws IOException {
        Path file = Files.writeString(dir.resolve("index.json"), "{\"0\": [\"a\", \"cat\"], \"2\": [\"b\", \"dog\"]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassNames.read(file));
        assertTrue(e.getMessage().contains("class index 1 is missing"), e.getMessage());
    }

    @Test
    void rejectsAMissingFile() {
        assertThrows(IllegalArgumentException.class, () -> ClassNames.read(dir.resolve("absent.txt")));
    }

    @Test
    void readsTheThousandImageNetClasses() {
        List<String> names = ClassNames.read(SharedData.require("labels/imagenet_class_index.json"));
        assertEquals(1000, names.size());
        assertEquals("tench", names.get(0));
        assertEquals("golden_retriever", names.get(207));
        assertEquals("toilet_tissue", names.get(999));
    }

    @Test
    void aCountThatDiffersFromTheModelsOutputsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassNames.requireCount(List.of("a", "b"), 5, "nsfw_mobilenet_v2.h5"));
        assertEquals("2 class names given, but nsfw_mobilenet_v2.h5 has 5 outputs", e.getMessage());
    }
}
