package dev.limelight.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared data directory (system property {@code limelight.data.dir}); tests skip without it. */
public final class SharedData {

    private SharedData() {
    }

    /**
     * @param relative a path under the shared data directory
     * @return the file or directory, or skips the calling test saying why
     */
    public static Path require(String relative) {
        String dir = System.getProperty("limelight.data.dir");
        assumeTrue(dir != null && !dir.isBlank(), "limelight.data.dir is not set: shared data absent");
        Path file = Path.of(dir).resolve(relative);
        assumeTrue(Files.exists(file), file + " is absent (limelight.data.dir=" + dir + ")");
        return file;
    }
}
