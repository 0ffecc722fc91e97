package dev.limelight.audit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image an audit left out, and why: a file that is truncated, corrupt or not an image. An audit
 * lists it and goes on; it is never classified or explained.
 *
 * @param path   the file
 * @param reason what is wrong with it, as the decoder said
 */
public record SkippedImage(Path path, String reason) {

    /** Checks that neither part is null. */
    public SkippedImage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
