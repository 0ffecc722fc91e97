package dev.limelight.text.render;

import dev.limelight.text.TextExplanation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a text explanation into a directory: {@code explanation.json} and {@code report.html}. */
public final class TextExplanationWriter {

    private TextExplanationWriter() {
    }

    /**
     * @param explanation what to write
     * @param title       the report's title (e.g. the text's file name)
     * @param directory   created if missing
     * @return the report's path
     * @throws IOException if a file cannot be written
     */
    public static Path write(TextExplanation explanation, String title, Path directory) throws IOException {
        Files.createDirectories(directory);
        TextExplanationJson.write(explanation, directory.resolve("explanation.json"));
        Path report = directory.resolve("report.html");
        TextHtmlReport.write(explanation, title, report);
        return report;
    }
}
