package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tags file: what it accepts, and the line it names when it refuses. */
class UserTagsTest {

    private static final Set<String> KNOWN = Set.of("cat/1.png", "dog/2.png");

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("tags.csv"), text);
    }

    @Test
    void readsPathTagLinesWithAHeaderCommentsQuotesAndRepeats() throws Exception {
        Map<String, List<String>> tags = UserTags.read(file("""
                path,tag
                # taken indoors
                cat/1.png,indoor
                "dog/2.png","night"
                cat/1.png,blurred-by-hand
                cat/1.png,indoor

                """), KNOWN);

        assertEquals(Map.of("cat/1.png", List.of("indoor", "blurred-by-hand"), "dog/2.png", List.of("night")), tags);
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() throws Exception {
        String message = assertThrows(IllegalArgumentException.class,
                () -> UserTags.read(file("path,tag\ncat/1.png,indoor\ncat/1.png\n"), KNOWN)).getMessage();
        assertTrue(message.contains("tags.csv line 3") && message.contains("path,tag"), message);

        String space = assertThrows(IllegalArgumentException.class,
                () -> UserTags.read(file("cat/1.png,two words\n"), KNOWN)).getMessage();
        assertTrue(space.contains("line 1") && space.contains("not a word"), space);
    }

    @Test
    void aPathThatIsNoAuditedImageIsRefused() throws Exception {
        String message = assertThrows(IllegalArgumentException.class,
                () -> UserTags.read(file("bird/3.png,odd\n"), KNOWN)).getMessage();
        assertTrue(message.contains("line 1") && message.contains("bird/3.png"), message);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("none.csv");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UserTags.read(missing, KNOWN)).getMessage()
                .contains(missing.toString()));
    }
}
