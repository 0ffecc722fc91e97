package dev.limelight.image.render;

import dev.limelight.core.report.AtomicFiles;
import dev.limelight.image.ImageExplanation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files of an image explanation into a directory: {@code explanation.json},
 * {@code explanation.png} (overlay of the top label), {@code heatmap.png} and {@code report.html}.
 */
public final class ExplanationWriter {

    private ExplanationWriter() {
    }

    /**
     * @param explanation what to write
     * @param title       the report's title (e.g. the photo's file name)
     * @param directory   created if missing
     * @return the report's path
     */
    public static Path write(ImageExplanation explanation, String title, Path directory) throws IOException {
        Files.createDirectories(directory);
        ExplanationJson.write(explanation, directory.resolve("explanation.json"));
        int top = explanation.top().label();
        ExplanationPictures pictures = new ExplanationPictures(explanation);
        AtomicFiles.write(directory.resolve("explanation.png"), pictures.overlay(top));
        AtomicFiles.write(directory.resolve("heatmap.png"), pictures.heatMap(top));
        Path report = directory.resolve("report.html");
        HtmlReport.write(explanation, title, report, pictures);
        return report;
    }
}
