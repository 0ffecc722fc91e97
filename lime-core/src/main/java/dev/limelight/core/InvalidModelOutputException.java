package dev.limelight.core;

/**
 * A classifier returned something other than class probabilities (NaN, negative values, rows not
 * summing to 1, the wrong shape). The message names the classifier, the row and the value.
 */
public class InvalidModelOutputException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the classifier */
    public InvalidModelOutputException(String message) {
        super(message);
    }
}
