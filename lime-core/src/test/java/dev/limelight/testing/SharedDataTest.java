package dev.limelight.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing shared data is a skip by default, a failure naming the file when required; relative directories resolve against the project. */
class SharedDataTest {

    @TempDir
    Path project;

    private Properties saved;

    @BeforeEach
    void saveProperties() {
        saved = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreProperties() {
        System.setProperties(saved);
    }

    @Test
    void aMissingFileSkipsTheTestByDefault() {
        System.setProperty(SharedData.DIRECTORY, project.toString());
        System.clearProperty(SharedData.REQUIRED);
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> SharedData.require("models/x.h5"));
        assertTrue(e.getMessage().contains(project.resolve("models/x.h5").toString()), e.getMessage());
    }

    @Test
    void aMissingFileFailsTheTestWhenTheDataIsRequired() {
        System.setProperty(SharedData.DIRECTORY, project.toString());
        System.setProperty(SharedData.REQUIRED, "true");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> SharedData.require("models/x.h5"));
        assertTrue(e.getMessage().contains(project.resolve("models/x.h5").toString()), e.getMessage());
    }

    @Test
    void anUnsetDirectoryFailsWhenTheDataIsRequired() {
        System.clearProperty(SharedData.DIRECTORY);
        System.setProperty(SharedData.REQUIRED, "true");
        assertThrows(AssertionFailedError.class, () -> SharedData.require("models/x.h5"));
    }

    @Test
    void aRelativeDirectoryResolvesAgainstTheProjectRootNotTheModule() throws Exception {
        Files.createDirectories(project.resolve("shared/data/images"));
        Files.writeString(project.resolve("shared/data/images/a.png"), "x");
        System.setProperty(SharedData.PROJECT, project.resolve("main").toString());
        System.setProperty(SharedData.DIRECTORY, "../shared/data");
        System.setProperty(SharedData.REQUIRED, "true");
        assertEquals(project.resolve("shared/data/images/a.png"), SharedData.require("images/a.png"));
    }

    @Test
    void aRelativeDirectoryWithoutAProjectRootIsRejected() {
        System.clearProperty(SharedData.PROJECT);
        System.setProperty(SharedData.DIRECTORY, "../shared/data");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SharedData.require("images/a.png"));
        assertTrue(e.getMessage().contains("relative"), e.getMessage());
    }
}
