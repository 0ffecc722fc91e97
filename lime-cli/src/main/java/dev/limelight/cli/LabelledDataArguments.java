package dev.limelight.cli;

import dev.limelight.audit.LabelledFolder;
import dev.limelight.audit.UserTags;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The labelled folder a command runs over, the user's tags for it, and how many images go to the model at once. */
final class LabelledDataArguments {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "One sub-folder of images per class (for limelight test, also a flat folder of unlabelled "
            + "images).")
    Path data;

    @Option(names = "--tags", paramLabel = "FILE",
            description = "Your own tags: a CSV file of path,tag lines (paths relative to --data, one tag a line), added "
                    + "to each image's automatic tags.")
    Path tags;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Images per model call.")
    int batch;

    /**
     * Refuses a table where a command needs an image folder: audits, model tests, comparisons,
     * calibration and training run over labelled image folders; tables are explained row by row.
     *
     * @param data    the --data path, or null when the command runs without one
     * @param command the command's name
     * @throws BadInputException if {@code data} is a CSV or TSV file
     */
    static void refuseTable(Path data, String command) {
        if (data == null) {
            return;
        }
        String name = data.getFileName() == null ? "" : data.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (java.nio.file.Files.isRegularFile(data) && (name.endsWith(".csv") || name.endsWith(".tsv"))) {
            throw new BadInputException(data + " is a table: limelight " + command + " runs over a folder of labelled "
                    + "images and does not take tables yet; explain a table's rows with limelight explain-row");
        }
    }

    /** @return the folder, its classes matched to the model's */
    LabelledFolder folder(List<String> classNames) {
        return LabelledFolder.read(data, classNames);
    }

    /** @return the folder, labelled (its classes matched to the model's) or flat and unlabelled */
    LabelledFolder folderLabelsIfAny(List<String> classNames) {
        return LabelledFolder.readLabelsIfAny(data, classNames);
    }

    /** @return the user's tags by image path, checked against the folder's images (empty without --tags) */
    Map<String, List<String>> userTags(LabelledFolder folder) {
        return tags == null ? Map.of() : UserTags.read(tags, new HashSet<>(folder.relativePaths()));
    }
}
