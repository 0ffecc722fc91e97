package dev.limelight.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The big shared files (real models, reference tensors, photos, Fashion-MNIST, corpora) live outside
 * the repository, in the directory named by the system property {@value #DIRECTORY}. A test that
 * needs one of them asks here.
 *
 * <p>Without the data such a test reports itself skipped, with the reason. With
 * {@code -D}{@value #REQUIRED}{@code =true} (CI sets it) a missing file is a failure naming it, so a
 * build cannot be green with the real-model tests unrun. A relative directory is resolved against
 * the project's root ({@value #PROJECT}, which the build sets), not against each module's folder.
 * Shared by every module's tests through lime-core's test jar.
 */
public final class SharedData {

    /** The system property naming the shared data directory. */
    public static final String DIRECTORY = "limelight.data.dir";
    /** The system property that turns missing data from a skip into a failure. */
    public static final String REQUIRED = "limelight.data.required";
    /** The system property naming the project's root, against which a relative data directory resolves. */
    public static final String PROJECT = "limelight.project.dir";

    private SharedData() {
    }

    /**
     * @param relative a path inside the shared data directory
     * @return the file or directory; when it is absent the calling test is skipped, or failed if
     *         the data is required
     */
    public static Path require(String relative) {
        absence(relative).ifPresent(SharedData::skipOrFail);
        return directory().orElseThrow().resolve(relative);
    }

    /**
     * For set-up code that must not abort (a class-level abort would show as 0 tests run rather than
     * as skipped tests): ask here, keep the reason, and give it to {@link #skipOrFail} in each test.
     *
     * @param relative a path inside the shared data directory
     * @return why the file is not there, or empty when it is
     */
    public static Optional<String> absence(String relative) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            return Optional.of("system property " + DIRECTORY + " is not set: shared data absent");
        }
        Path file = dir.get().resolve(relative);
        return Files.exists(file) ? Optional.empty()
                : Optional.of(file + " is missing (" + DIRECTORY + "=" + System.getProperty(DIRECTORY) + ")");
    }

    /** Skips the calling test with the reason, or fails it when the data is required. */
    public static void skipOrFail(String reason) {
        if (required()) {
            fail("shared data required (" + REQUIRED + "=true): " + reason);
        }
        assumeTrue(false, reason);
    }

    /** @return whether missing data is a failure ({@value #REQUIRED}=true) */
    public static boolean required() {
        return Boolean.parseBoolean(System.getProperty(REQUIRED, "false"));
    }

    /**
     * @return the shared data directory, a relative one resolved against the project's root
     * @throws IllegalStateException if it is relative and the project's root is unknown
     */
    public static Optional<Path> directory() {
        String dir = System.getProperty(DIRECTORY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(dir);
        if (path.isAbsolute()) {
            return Optional.of(path.normalize());
        }
        String project = System.getProperty(PROJECT);
        if (project == null || project.isBlank()) {
            throw new IllegalStateException(DIRECTORY + "=" + dir + " is relative and " + PROJECT
                    + " is not set; give an absolute path");
        }
        return Optional.of(Path.of(project).resolve(path).toAbsolutePath().normalize());
    }
}
