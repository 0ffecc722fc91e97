package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are safe to open: markup in a class folder's name, a test's name or a tag shows as text,
 * in the HTML as written and in the page a browser builds from it (headless Chromium, when the
 * machine has it); and nothing a suite or tags file says makes a command write outside --out.
 */
class ReportSafetyTest {

    private static final String MODEL = "../models/bundled/fashion-mnist-cnn.zip";
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;

    private static Path data;

    /** The example folder, one image a class, the dress folder renamed to markup. */
    @BeforeAll
    static void folderWithMarkupInAClassName() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> classes = Files.list(Path.of("../examples/fashion-mnist-audit"))) {
            for (Path c : classes.sorted().toList()) {
                String name = c.getFileName().toString().equals("3-dress") ? MARKUP : c.getFileName().toString();
                Path target = Files.createDirectories(data.resolve(name));
                try (Stream<Path> images = Files.list(c)) {
                    for (Path image : images.sorted().limit(2).toList()) {
                        Files.copy(image, target.resolve(image.getFileName()));
                    }
                }
            }
        }
    }

    private static String run(int expected, String... args) {
        StringWriter err = new StringWriter();
        int code = Limelight.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(expected, code, err.toString());
        return err.toString();
    }

    @Test
    void markupInAClassFolderIsTextInTheAuditReportAndATagOfMarkupIsRefused() throws Exception {
        String image = MARKUP + "/" + first(data.resolve(MARKUP));
        Path markupTag = Files.writeString(dir.resolve("tags.csv"), image + ",<script>alert(2)</script>\n");
        Path out = dir.resolve("audit");
        String refused = run(Limelight.BAD_INPUT, "audit", "--model", MODEL, "--data", data.toString(), "--tags",
                markupTag.toString(), "--out", out.toString(), "--quiet");
        assertTrue(refused.contains("is not a word"), refused);

        Path tags = Files.writeString(dir.resolve("tags.csv"), image + ",studio\n");
        run(Limelight.DONE, "audit", "--model", MODEL, "--data", data.toString(), "--tags", tags.toString(), "--out",
                out.toString(), "--explain", "20", "--samples", "30", "--quiet");

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the folder's name is in the report, escaped");
        assertFalse(html.contains(MARKUP), "never as markup");
        String dom = chromiumDom(out.resolve("report.html"));
        assertFalse(dom.contains("onerror=\"alert(1)\""), "no element Chromium built carries the handler");
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "Chromium shows the name as text");
    }

    @Test
    void namesInASuiteCannotMakeTheTestCommandWriteOutsideOut() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                tests:
                  - {name: "../../escaped", type: threshold, metric: accuracy, min: 0.1}
                  - {name: "<script>alert(3)</script>", type: threshold, metric: accuracy, min: 0.1}
                """);
        Path out = work.resolve("tests");
        run(Limelight.DONE, "test", "--model", MODEL, "--data", data.toString(), "--suite", suite.toString(), "--out", out.toString(),
                "--quiet");

        try (Stream<Path> written = Files.walk(dir)) {
            List<Path> outside = written.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(out) && !p.startsWith(data) && !p.startsWith(dir.resolve("audit")))
                    .filter(p -> !p.equals(suite) && !p.getFileName().toString().equals("tags.csv")).toList();
            assertEquals(List.of(), outside, "files written outside --out");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script>alert(3)"), "the test's name is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), "and shown");
    }

    private static String first(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().findFirst().orElseThrow().getFileName().toString();
        }
    }

    /** The page headless Chromium builds from the file (its DOM after scripts ran); skips without Chromium. */
    private static String chromiumDom(Path page) throws Exception {
        Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no Chromium on this machine: the page is checked as written only");
        Path dom = page.resolveSibling("dom.html");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + page.resolveSibling("chromium-profile"), "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish in 90 s");
        return Files.readString(dom);
    }
}
