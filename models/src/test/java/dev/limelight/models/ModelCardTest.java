package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {

    private static final ModelCard CARD = new ModelCard("fashion", new ImageInput(28, 28, 1, ImageLayout.NCHW),
            Preprocessing.UNIT, List.of("T-shirt/top", "Trouser"), 1.25, "trained in a test");

    @TempDir
    Path dir;

    @Test
    void survivesAJsonRoundTrip() {
        assertEquals(CARD, ModelCard.fromJson(CARD.toJson(), "test"));
    }

    @Test
    void isWrittenIntoAndReadBackFromADl4jZip() throws IOException {
        Path zip = Dl4jFixtures.writeTinyCnnZip(dir.resolve("model.zip"));

        CARD.writeInto(zip);
        CARD.withTemperature(2.0).writeInto(zip);

        assertEquals(CARD.withTemperature(2.0), ModelCard.readFrom(zip).orElseThrow());
    }

    @Test
    void aZipWithoutACardHasNone() throws IOException {
        Path zip = Dl4jFixtures.writeTinyCnnZip(dir.resolve("plain.zip"));
        assertTrue(ModelCard.readFrom(zip).isEmpty());
    }

    @Test
    void rejectsANonPositiveTemperatureAndAMissingField() {
        assertThrows(IllegalArgumentException.class, () -> CARD.withTemperature(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCard.fromJson(CARD.toJson().replace("\"preprocessing\"", "\"scaling\""), "card.json"));
        assertTrue(e.getMessage().contains("'preprocessing' is missing"), e.getMessage());
    }
}
