package dev.limelight.cli;

import java.util.Optional;

/** Parses the {@code --input-size HxW} option. */
final class InputSize {

    private InputSize() {
    }

    /**
     * @return {height, width}, or empty if the option was not given
     * @throws BadInputException if it is not two positive integers separated by 'x'
     */
    static Optional<int[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int h = Integer.parseInt(parts[0].trim());
                int w = Integer.parseInt(parts[1].trim());
                if (h > 0 && w > 0) {
                    return Optional.of(new int[] {h, w});
                }
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new BadInputException("--input-size must be HEIGHTxWIDTH, e.g. 224x224; got '" + text + "'");
    }
}
