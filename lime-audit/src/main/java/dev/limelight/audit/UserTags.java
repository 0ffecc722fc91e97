package dev.limelight.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags a user gives images, read from a CSV file of {@code path,tag} lines: the path relative to the
 * data folder (as audit rows name it, {@code /}-separated), the tag a word of letters, digits,
 * {@code -}, {@code _} or {@code .}. An optional first line {@code path,tag} is a header; blank lines
 * and lines starting with {@code #} are skipped; a field may be in double quotes. An image may have
 * several tags (one line each).
 */
public final class UserTags {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private UserTags() {
    }

    /**
     * @param file  the CSV file
     * @param known the paths of the audited images; a line naming another path is an error
     * @return path to its tags, in file order
     * @throws IllegalArgumentException naming the file and line of the first malformed line, or if the
     *                                  file cannot be read
     */
    public static Map<String, List<String>> read(Path file, Set<String> known) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tags file " + file + ": " + e.getMessage(), e);
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equalsIgnoreCase("path,tag"))) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String where = "tags file " + file + " line " + (i + 1) + ": ";
            if (comma <= 0 || comma == line.length() - 1) {
                throw new IllegalArgumentException(where + "expected 'path,tag', got '" + line + "'");
            }
            String path = unquote(line.substring(0, comma)).replace('\\', '/');
            String tag = unquote(line.substring(comma + 1));
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException(where + "the tag '" + tag + "' is not a word (letters, digits, "
                        + "'-', '_', '.')");
            }
            if (!known.contains(path)) {
                throw new IllegalArgumentException(where + "no audited image is at '" + path + "' (paths are "
                        + "relative to the data folder, e.g. " + known.stream().findFirst().orElse("class/image.png")
                        + ")");
            }
            List<String> list = tags.computeIfAbsent(path, p -> new ArrayList<>());
            if (!list.contains(tag)) {
                list.add(tag);
            }
        }
        return tags;
    }

    private static String unquote(String field) {
        String s = field.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
