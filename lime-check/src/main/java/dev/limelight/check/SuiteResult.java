package dev.limelight.check;

import static dev.limelight.core.report.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.limelight.core.report.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts of a suite run, and their files: {@code results.json}
 * ({@code {"tests": [{"name", "type", "passed", "value", "threshold", "details"}]}}), {@code junit.xml}
 * (one test case a check, a failure with its summary when it fails: the format CI servers read) and
 * {@code report.html}.
 *
 * @param tests the verdicts, in the suite's order
 */
public record SuiteResult(List<CheckResult> tests) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the list. */
    public SuiteResult {
        tests = List.copyOf(tests);
    }

    /** @return whether every check passed */
    public boolean passed() {
        return tests.stream().allMatch(CheckResult::passed);
    }

    /** Writes results.json, junit.xml and report.html into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("results.json").toFile(), Map.of("tests", tests));
        Files.writeString(dir.resolve("junit.xml"), junitXml(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
    }

    /** @return the verdicts as a JUnit XML test suite */
    public String junitXml() {
        long failures = tests.stream().filter(t -> !t.passed()).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuite name=\"limelight model tests\" tests=\"%d\" failures=\"%d\" "
                + "errors=\"0\" skipped=\"0\">%n", tests.size(), failures));
        for (CheckResult t : tests) {
            x.append("  <testcase classname=\"limelight.").append(escape(t.type())).append("\" name=\"")
                    .append(escape(t.name())).append('"');
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
        StringBuilder h = new StringBuilder(Page.open("Model tests", "td.pass{color:#2a9d3f}td.fail{color:#d43c3c;"
                + "font-weight:bold}"));
        h.append(String.format(Locale.ROOT, "<p>%d of %d tests passed.</p>\n<table><tr><th>test</th><th>type</th>"
                + "<th>verdict</th><th>value</th><th>threshold</th><th>evidence</th></tr>\n",
                tests.stream().filter(CheckResult::passed).count(), tests.size()));
        for (CheckResult t : tests) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"%s\">%s</td><td class=\"num\">"
                            + "%.4g</td><td class=\"num\">%.4g</td><td class=\"muted\">%s</td></tr>\n", escape(t.name()),
                    escape(t.type()), t.passed() ? "pass" : "fail", t.passed() ? "passed" : "failed", t.value(),
                    t.threshold(), escape(t.details().toString())));
        }
        return h.append("</table>\n").append(Page.close()).toString();
    }
}
