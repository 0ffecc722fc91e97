package dev.limelight.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The big shared files (real models, reference tensors, Fashion-MNIST) live outside the repository,
 * in the directory named by the system property {@code limelight.data.dir} (the build sets it to
 * ../shared/data). Tests that need one report themselves skipped, with the reason, when it is absent.
 */
final class SharedData {

    /** The system property naming the shared data directory. */
    static final String PROPERTY = "limelight.data.dir";

    private SharedData() {
    }

    /**
     * @param relative a path inside the shared data directory
     * @return the file, or the test is skipped (JUnit assumption) when the directory or the file is absent
     */
    static Path require(String relative) {
        String reason = absence(relative);
        assumeTrue(reason == null, reason);
        return Path.of(System.getProperty(PROPERTY)).resolve(relative);
    }

    /**
     * For set-up code that must not abort (a class-level abort would show as 0 tests run rather
     * than as skipped tests).
     *
     * @param relative a path inside the shared data directory
     * @return null if the file is there, else why it is not
     */
    static String absence(String relative) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return "system property " + PROPERTY + " is not set: shared data absent";
        }
        Path file = Path.of(dir).resolve(relative);
        return Files.exists(file) ? null : file + " is missing: shared data absent";
    }
}
