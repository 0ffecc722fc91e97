package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.AuditRow;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unit test: the images listed ({@code files}, paths relative to the data folder) or matched by a
 * glob ({@code glob}, e.g. {@code "shirts/*.png"}) must be predicted as {@code label}, each with at
 * least {@code minProbability} (default 0). Passes when every one does; an entry that matches no
 * image fails the check.
 *
 * @param name           the check's name
 * @param files          the images, or null
 * @param glob           a glob over the relative paths, or null
 * @param label          the class they must get
 * @param minProbability the least probability of that class (default 0)
 */
public record ExpectedLabelCheck(String name, List<String> files, String glob, String label, Double minProbability)
        implements Check {

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    public ExpectedLabelCheck {
        Objects.requireNonNull(name, "name");
        if ((files == null || files.isEmpty()) && glob == null) {
            throw new IllegalArgumentException("give the images with 'files' or 'glob'");
        }
        if (label == null) {
            throw new IllegalArgumentException("an expected-label check needs the 'label' the images must get");
        }
        files = files == null ? List.of() : List.copyOf(files);
        minProbability = minProbability == null ? 0 : minProbability;
    }

    @Override
    @JsonIgnore
    public String type() {
        return "expected-label";
    }

    @Override
    public CheckResult run(CheckContext context) {
        int expected = context.classIndex(label);
        if (expected < 0) {
            throw new IllegalArgumentException("check '" + name + "': the model has no class '" + label + "'");
        }
        Map<String, AuditRow> byPath = new LinkedHashMap<>();
        context.rows().forEach(r -> byPath.put(r.path(), r));
        List<AuditRow> chosen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String file : files) {
            AuditRow row = byPath.get(file.replace('\\', '/'));
            if (row == null) {
                missing.add(file);
            } else {
                chosen.add(row);
            }
        }
        if (glob != null) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<AuditRow> matched = byPath.values().stream().filter(r -> matcher.matches(Path.of(r.path()))).toList();
            if (matched.isEmpty()) {
                missing.add(glob);
            }
            chosen.addAll(matched);
        }
        List<Map<String, Object>> wrong = new ArrayList<>();
        for (AuditRow r : chosen) {
            double p = r.probabilities()[expected];
            if (!r.predicted().equals(label) || p < minProbability) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("path", r.path());
                w.put("predicted", r.predicted());
                w.put("probability", r.confidence());
                w.put("expectedProbability", p);
                wrong.add(w);
            }
        }
        double share = chosen.isEmpty() ? 0 : 1 - (double) wrong.size() / chosen.size();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("images", chosen.size());
        details.put("label", label);
        details.put("wrong", wrong);
        details.put("missing", missing);
        return new CheckResult(name, type(), missing.isEmpty() && wrong.isEmpty() && !chosen.isEmpty(), share, 1.0,
                details);
    }
}
