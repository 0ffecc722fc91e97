package dev.limelight.tabular.render;

import dev.limelight.tabular.TabularExplanation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a tabular explanation into a directory: {@code explanation.json} and {@code report.html}. */
public final class TabularExplanationWriter {

    private TabularExplanationWriter() {
    }

    /**
     * @param explanation what to write
     * @param row         the row's index in its table, or null
     * @param title       the report's title
     * @param directory   created if missing
     * @return the report's path
     * @throws IOException if a file cannot be written
     */
    public static Path write(TabularExplanation explanation, Integer row, String title, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        TabularExplanationJson.write(explanation, row, directory.resolve("explanation.json"));
        Path report = directory.resolve("report.html");
        TabularHtmlReport.write(explanation, title, report);
        return report;
    }
}
