package dev.limelight.audit;

import java.nio.file.Path;

/**
 * One image of a labelled folder.
 *
 * @param path       the image file
 * @param className  its class (the name of its sub-folder)
 * @param classIndex the model's index for that class
 */
public record LabelledImage(Path path, String className, int classIndex) {
}
