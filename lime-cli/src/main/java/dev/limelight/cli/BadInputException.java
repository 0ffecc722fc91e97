package dev.limelight.cli;

/** A file or option the user gave cannot be used; the message says why. Exit code 2. */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the input, and where */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the input, and where
     * @param cause   the underlying error
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
