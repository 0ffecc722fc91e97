package dev.limelight.text.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expression that separates words, as the reference's {@code split_expression}
 * (default {@code \W+}): a text is cut into the runs it matches (the separators) and the runs
 * between them (the words), and both are kept so the text can be rebuilt.
 *
 * <p><b>Where Java and Python differ, and what this class does about it.</b> The reference runs
 * Python's {@code re} on {@code str}, whose {@code \w} is Unicode-aware: a word character is any
 * character for which {@code str.isalnum()} holds (letters, categories L*, and numbers, N*) or
 * {@code _}. So {@code Café}, {@code 東京} and {@code Zürich} are single words, and a combining
 * mark (category Mn, e.g. U+0301 in {@code e\u0301}) is <em>not</em> a word character: it
 * separates. Java's {@code \w} is ASCII-only ({@code Café} would split into {@code Caf}), and with
 * {@link Pattern#UNICODE_CHARACTER_CLASS} it treats Mn, Mc and Me marks and connector punctuation
 * as word characters ({@code e\u0301} would stay one word). Neither matches Python.
 * {@link #python(String)} therefore rewrites Python's shorthand classes into explicit Unicode
 * classes that mean what Python means:
 *
 * <table>
 *   <caption>Translations</caption>
 *   <tr><th>Python</th><th>Java</th></tr>
 *   <tr><td>{@code \w}</td><td>{@code [\p{L}\p{N}_]}</td></tr>
 *   <tr><td>{@code \W}</td><td>{@code [^\p{L}\p{N}_]}</td></tr>
 *   <tr><td>{@code \d}, {@code \D}</td><td>{@code \p{Nd}}, {@code \P{Nd}}</td></tr>
 *   <tr><td>{@code \s}, {@code \S}</td><td>the characters of {@code str.isspace()} (ASCII
 *       whitespace, U+001C..U+001F, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029,
 *       U+202F, U+205F, U+3000), and their complement</td></tr>
 *   <tr><td>{@code \b}, {@code \B}</td><td>look-arounds on the {@code \w} class above</td></tr>
 *   <tr><td>{@code \Z}</td><td>{@code \z}</td></tr>
 *   <tr><td>{@code (?P<name>...)}, {@code (?P=name)}</td><td>{@code (?<name>...)},
 *       {@code \k<name>}</td></tr>
 *   <tr><td>{@code [} and {@code &} inside a character class</td><td>escaped (literal in
 *       Python, nested class and intersection in Java)</td></tr>
 * </table>
 *
 * <p>Patterns are compiled with {@link Pattern#UNIX_LINES}, so {@code $} and {@code .} treat only
 * {@code \n} as a line end, as Python does. One difference remains and is accepted: after an empty
 * match, Python's {@code re.split} may still find a non-empty match at the same position, while
 * Java moves one character on. It only matters for split expressions that can match the empty
 * string before a non-empty one at the same place (e.g. {@code |x}); {@code \W+} and every
 * expression that needs at least one character are unaffected.
 *
 * <p>{@link #java(Pattern)} takes a Java pattern as it is, for users who want Java's semantics.
 * Instances are immutable and thread-safe.
 */
public final class SplitExpression {

    /** Python's {@code \w} in Unicode mode: letters, numbers and the underscore. */
    static final String WORD_CLASS = "[\\p{L}\\p{N}_]";

    /** Python's {@code \W} in Unicode mode. */
    static final String NON_WORD_CLASS = "[^\\p{L}\\p{N}_]";

    private static final String WORD_MEMBERS = "\\p{L}\\p{N}_";

    /** The characters of Python's {@code str.isspace()} (Unicode 14), as class members. */
    private static final String SPACE_MEMBERS =
            "\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\x20\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
                    + "\\x{202F}\\x{205F}\\x{3000}";

    /** The reference's default, Python's {@code \W+}: runs of characters that are not word characters. */
    public static final SplitExpression NON_WORD = python("\\W+");

    private final String source;
    private final String javaRegex;
    private final Pattern separator;
    private final Pattern splitter;

    private SplitExpression(String source, String javaRegex, int flags) {
        this.source = source;
        this.javaRegex = javaRegex;
        this.separator = Pattern.compile(javaRegex, flags);
        // The reference splits on "(expr)|$" and calls a token a separator when that matches at
        // its start (re.match): the same compound pattern is used here for both.
        this.splitter = Pattern.compile("(" + javaRegex + ")|$", flags);
    }

    /**
     * A split expression written in Python's {@code re} syntax, as the reference takes it, with the
     * shorthand classes translated to Python's Unicode meaning (see the class comment).
     *
     * @param regex the Python regular expression, e.g. {@code \W+} or {@code \s+}
     * @return the expression
     * @throws IllegalArgumentException if the regex is null, empty, or not valid once translated
     */
    public static SplitExpression python(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("split expression must be a non-empty regular expression");
        }
        String translated = translate(regex);
        try {
            return new SplitExpression(regex, translated, Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("split expression " + regex + " is not a valid regular expression "
                    + "(as Java: " + translated + "): " + e.getDescription(), e);
        }
    }

    /**
     * A split expression with Java's own regex semantics (no translation).
     *
     * @param pattern the compiled Java pattern; its flags are kept
     * @return the expression
     */
    public static SplitExpression java(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.pattern().isEmpty()) {
            throw new IllegalArgumentException("split expression must be a non-empty regular expression");
        }
        return new SplitExpression(pattern.pattern(), pattern.pattern(), pattern.flags());
    }

    /** @return the expression as given (Python or Java syntax) */
    public String source() {
        return source;
    }

    /** @return the Java regex actually compiled */
    public String javaRegex() {
        return javaRegex;
    }

    /** @return the compiled separator pattern */
    public Pattern pattern() {
        return separator;
    }

    /**
     * Cuts a text as the reference's {@code [s for s in re.split('(%s)|$' % expr, text) if s]}:
     * words and separators alternate in text order, empty pieces are dropped, and joining the
     * pieces gives the text back.
     *
     * @param text any text
     * @return the non-empty pieces
     */
    public List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = splitter.matcher(text);
        int last = 0;
        while (m.find()) {
            addIfNotEmpty(pieces, text.substring(last, m.start()));
            if (m.group(1) != null) {
                addIfNotEmpty(pieces, m.group(1));
            }
            last = m.end();
        }
        addIfNotEmpty(pieces, text.substring(last));
        return pieces;
    }

    /**
     * The reference's {@code non_word} test: whether the split expression (or the end of the text)
     * matches at the start of the piece.
     *
     * @param piece a piece returned by {@link #split(String)}
     * @return true if the piece is a separator rather than a word
     */
    public boolean isSeparator(String piece) {
        return splitter.matcher(piece).lookingAt();
    }

    private static void addIfNotEmpty(List<String> pieces, String piece) {
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
    }

    /** Rewrites Python-only syntax into Java syntax with the same meaning (see the class comment). */
    static String translate(String python) {
        StringBuilder out = new StringBuilder(python.length() + 32);
        boolean inClass = false;
        int classStart = -1;
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char e = python.charAt(++i);
                if (inClass) {
                    switch (e) {
                        case 'w' -> out.append(WORD_MEMBERS);
                        case 'W' -> out.append(NON_WORD_CLASS);
                        case 'd' -> out.append("\\p{Nd}");
                        case 'D' -> out.append("\\P{Nd}");
                        case 's' -> out.append(SPACE_MEMBERS);
                        case 'S' -> out.append("[^").append(SPACE_MEMBERS).append(']');
                        default -> out.append('\\').append(e);
                    }
                } else {
                    switch (e) {
                        case 'w' -> out.append(WORD_CLASS);
                        case 'W' -> out.append(NON_WORD_CLASS);
                        case 'd' -> out.append("\\p{Nd}");
                        case 'D' -> out.append("\\P{Nd}");
                        case 's' -> out.append('[').append(SPACE_MEMBERS).append(']');
                        case 'S' -> out.append("[^").append(SPACE_MEMBERS).append(']');
                        case 'b' -> out.append("(?:(?<=").append(WORD_CLASS).append(")(?!").append(WORD_CLASS)
                                .append(")|(?<!").append(WORD_CLASS).append(")(?=").append(WORD_CLASS).append("))");
                        case 'B' -> out.append("(?:(?<=").append(WORD_CLASS).append(")(?=").append(WORD_CLASS)
                                .append(")|(?<!").append(WORD_CLASS).append(")(?!").append(WORD_CLASS).append("))");
                        case 'Z' -> out.append("\\z");
                        default -> out.append('\\').append(e);
                    }
                }
                continue;
            }
            if (inClass) {
                boolean first = i == classStart || (i == classStart + 1 && python.charAt(classStart) == '^');
                if (c == ']' && !first) {
                    inClass = false;
                    out.append(']');
                } else if (c == '[' || c == '&') {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                classStart = i + 1;
                out.append('[');
            } else if (c == '(' && python.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else if (c == '(' && python.startsWith("(?P=", i)) {
                int close = python.indexOf(')', i);
                if (close < 0) {
                    out.append(c);
                    continue;
                }
                out.append("\\k<").append(python, i + 4, close).append('>');
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitExpression other && javaRegex.equals(other.javaRegex)
                && separator.flags() == other.separator.flags();
    }

    @Override
    public int hashCode() {
        return javaRegex.hashCode() * 31 + separator.flags();
    }

    @Override
    public String toString() {
        return source;
    }
}
