package dev.limelight.audit;

import java.nio.file.Path;

/**
 * One image of a labelled folder.
 *
 * @param path       the image file
 * @param className  its class (the name of its sub-folder), or null when unlabelled
 * @param classIndex the model's index for that class, or {@link #UNLABELLED}
 */
public record LabelledImage(Path path, String className, int classIndex) {

    /** The class index of an image without a label (one of a flat folder). */
    public static final int UNLABELLED = -1;

    /** @return an image without a label */
    public static LabelledImage unlabelled(Path path) {
        return new LabelledImage(path, null, UNLABELLED);
    }

    /** @return whether the image has a label */
    public boolean labelled() {
        return classIndex != UNLABELLED;
    }
}
