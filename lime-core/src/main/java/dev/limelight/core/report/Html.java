package dev.limelight.core.report;

/**
 * The one HTML escaper of every Limelight report: a string a user controls (a file or class name, a
 * text, a tag) becomes text, never markup, in element content and in quoted attribute values.
 */
public final class Html {

    private Html() {
    }

    /**
     * @param text any string
     * @return the string with {@code & < > " '} escaped and NUL replaced by a visible symbol
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\0' -> out.append("&#x2400;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
