package dev.limelight.check;

import static dev.limelight.core.report.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.core.ExplainedOutput;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The verdicts of a suite run, and their files: {@code results.json}
 * ({@code {"tests": [{"name", "type", "passed", "value", "threshold", "details"}], "skipped": [{"path",
 * "reason"}], "calibration": {"space", "temperature", "source"}}}), {@code junit.xml} (one test case a check, a failure with its summary when it fails:
 * the format CI servers read) and {@code report.html} (each verdict, its numbers, its evidence images
 * and its cost).
 *
 * @param tests       the verdicts, in the suite's order
 * @param skipped     the images left out because they do not decode, as relative paths with the reason
 * @param calibration the probabilities the checks measured: the model's as they are, or calibrated
 *                    at a temperature from a calibration file
 */
public record SuiteResult(List<CheckResult> tests, List<Skipped> skipped, ExplainedOutput calibration) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * An image the run left out.
     *
     * @param path   its path relative to the data folder
     * @param reason why, as the decoder said
     */
    public record Skipped(String path, String reason) {
    }

    /** Copies the lists. */
    public SuiteResult {
        tests = List.copyOf(tests);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(calibration, "calibration");
    }

    /** Verdicts of a run of a model's probabilities as they are. */
    public SuiteResult(List<CheckResult> tests, List<Skipped> skipped) {
        this(tests, skipped, ExplainedOutput.PROBABILITY);
    }

    /** Verdicts of a run that skipped no image. */
    public SuiteResult(List<CheckResult> tests) {
        this(tests, List.of());
    }

    /** @return whether every check passed */
    public boolean passed() {
        return tests.stream().allMatch(CheckResult::passed);
    }

    /** Writes results.json, junit.xml and report.html into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tests", tests);
        document.put("skipped", skipped);
        document.put("calibration", calibration);
        AtomicFiles.write(dir.resolve("results.json"), out -> JSON.writeValue(out, document));
        AtomicFiles.writeString(dir.resolve("junit.xml"), junitXml());
        AtomicFiles.writeString(dir.resolve("report.html"), html());
    }

    /** @return the verdicts as a JUnit XML test suite */
    public String junitXml() {
        long failures = tests.stream().filter(t -> !t.passed()).count();
        double seconds = tests.stream().mapToDouble(t -> t.cost() == null ? 0 : t.cost().seconds()).sum();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuite name=\"limelight model tests\" tests=\"%d\" failures=\"%d\" "
                + "errors=\"0\" skipped=\"0\" time=\"%.3f\">%n", tests.size(), failures, seconds));
        for (CheckResult t : tests) {
            x.append("  <testcase classname=\"limelight.").append(escape(t.type())).append("\" name=\"")
                    .append(escape(t.name())).append('"').append(String.format(Locale.ROOT, " time=\"%.3f\"",
                            t.cost() == null ? 0 : t.cost().seconds()));
            if (t.passed()) {
                x.append("/>\n");
            } else {
                x.append(">\n    <failure message=\"").append(escape(t.summary())).append("\">")
                        .append(escape(t.details().toString())).append("</failure>\n  </testcase>\n");
            }
        }
        return x.append("</testsuite>\n").toString();
    }

    private String html() {
        StringBuilder h = new StringBuilder(Page.open("Model tests", "td.pass,span.pass{color:#2a9d3f}"
                + "td.fail,span.fail{color:#d43c3c;font-weight:bold}figure{display:inline-block;margin:0 14px 12px 0;"
                + "vertical-align:top}figure img{width:112px;image-rendering:pixelated;margin-right:4px}"
                + "figcaption{font-size:12px;max-width:240px}details{margin:4px 0 18px 0}"));
        h.append(String.format(Locale.ROOT, "<p>%d of %d tests passed.</p>\n<table><tr><th>test</th><th>type</th>"
                + "<th>verdict</th><th>value</th><th>threshold</th><th>cost</th></tr>\n",
                tests.stream().filter(CheckResult::passed).count(), tests.size()));
        for (CheckResult t : tests) {
            h.append(String.format(Locale.ROOT, "<tr><td><a href=\"#%s\">%s</a></td><td>%s</td><td class=\"%s\">%s</td>"
                            + "<td class=\"num\">%.4g</td><td class=\"num\">%.4g</td><td class=\"muted\">%s</td></tr>\n",
                    anchor(t), escape(t.name()), escape(t.type()), t.passed() ? "pass" : "fail",
                    t.passed() ? "passed" : "failed", t.value(), t.threshold(),
                    t.cost() == null ? "" : escape(t.cost().describe())));
        }
        h.append("</table>\n");
        for (CheckResult t : tests) {
            h.append(String.format(Locale.ROOT, "<h2 id=\"%s\">%s <span class=\"%s\">%s</span></h2>\n", anchor(t),
                    escape(t.name()), t.passed() ? "pass" : "fail", t.passed() ? "passed" : "failed"));
            h.append("<p>").append(escape(t.summary())).append("</p>\n");
            for (Evidence e : t.evidence()) {
                h.append("<figure><img alt=\"original\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(e.original())).append("\"><img alt=\"changed\" "
                                + "src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(e.changed()))
                        .append("\"><figcaption>").append(escape(e.path())).append("<br>").append(escape(e.originalCaption()))
                        .append(" &rarr; ").append(escape(e.changedCaption())).append("</figcaption></figure>\n");
            }
            h.append("<details><summary>details</summary><pre>").append(escape(json(t.details())))
                    .append("</pre></details>\n");
        }
        if (!skipped.isEmpty()) {
            h.append("<h2>Skipped images</h2>\n<ul>\n");
            for (Skipped s : skipped) {
                h.append("<li>").append(escape(s.path())).append(": ").append(escape(s.reason())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.append(Page.close()).toString();
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return details.toString();
        }
    }

    private static String anchor(CheckResult t) {
        return "test-" + Integer.toHexString(t.name().hashCode());
    }
}
