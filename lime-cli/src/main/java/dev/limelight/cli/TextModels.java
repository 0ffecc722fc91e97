package dev.limelight.cli;

import dev.limelight.core.TextClassifier;
import dev.limelight.text.model.BagOfWordsClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads text models for the commands, and finds the bundled one. */
final class TextModels {

    /** The bundled 20 Newsgroups model, relative to the checkout. */
    static final String BUNDLED = "lime-text/bundled/newsgroups-religion-bow.zip";

    private TextModels() {
    }

    /**
     * @return the classifier in {@code file} (a Limelight text model zip)
     * @throws BadInputException if it is missing or not a text model
     */
    static TextClassifier load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("text model not found: " + file);
        }
        try {
            return BagOfWordsClassifier.load(file);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + " is not a Limelight text model (a bag-of-words zip written by "
                    + "BagOfWordsClassifier): " + e.getMessage(), e);
        }
    }

    /** @return a file of the checkout: relative to {@code limelight.home} (set by the launcher), else the working directory */
    static Path inCheckout(String relative) {
        String home = System.getProperty("limelight.home");
        return home == null ? Path.of(relative) : Path.of(home).resolve(relative);
    }
}
