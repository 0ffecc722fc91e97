package dev.limelight.training.fix;

import dev.limelight.audit.compare.Comparison;
import dev.limelight.audit.compare.ComparisonReport;
import dev.limelight.audit.slices.ExplanationCluster;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Html;
import dev.limelight.core.report.Page;
import dev.limelight.training.fit.ImageTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The improvement's page: what was fixed and how, the verification before and after side by side,
 * the fine-tuning's epochs, and the comparison of the two models on the held-out images (the model
 * diff's own report, in the folder {@value #COMPARISON_DIR}).
 */
public final class ImprovementReport {

    /** The report's file in the output folder. */
    public static final String REPORT_FILE = "report.html";
    /** The folder of the two models' comparison inside the output folder. */
    public static final String COMPARISON_DIR = "compare";

    private ImprovementReport() {
    }

    /**
     * Writes {@value #REPORT_FILE} and the comparison's report in {@value #COMPARISON_DIR}.
     *
     * @param result     the improvement
     * @param comparison the model before against the model after on the held-out images
     * @param out        the output folder
     * @return the report file
     */
    public static Path write(ImprovementResult result, Comparison comparison, Path out) throws IOException {
        ComparisonReport.write(comparison, out.resolve(COMPARISON_DIR));
        return AtomicFiles.writeString(out.resolve(REPORT_FILE), html(result));
    }

    static String html(ImprovementResult r) {
        StringBuilder h = new StringBuilder(Page.open("Improvement: " + r.options().method().id(),
                "td.better{color:#2a9d3f;font-weight:bold}td.worse,tr.worse td{color:#d43c3c;font-weight:bold}"));
        h.append(String.format(Locale.ROOT, "<p>%s, fine-tuned with <b>%s</b> on %s; the artifact's carrier class: "
                        + "<b>%s</b>. %d training images (share %.2f), %d epochs, learning rate "
                        + "%s, seed %d; verified on %d held-out images.</p>\n",
                Html.escape(r.improved().name()), Html.escape(r.options().method().id()), Html.escape(r.region()),
                Html.escape(r.carrierName()), r.trainCount(), r.options().effectiveShare(),
                r.options().training().epochs(), r.options().training().learningRate(),
                r.options().training().seed(), r.heldOut().size()));
        h.append("<h2>Verification</h2>\n<table><tr><th>measure</th><th>before</th><th>after</th></tr>\n");
        row(h, "accuracy on the held-out images", r.before().cleanAccuracy(), r.after().cleanAccuracy(), true);
        row(h, "accuracy with the artifact added (" + r.before().shortcutImages() + " images of other classes)",
                r.before().shortcutAccuracy(), r.after().shortcutAccuracy(), true);
        row(h, "share of the explanations' positive weight on the region (" + r.before().shares().size()
                + " images)", r.before().regionShare(), r.after().regionShare(), false);
        h.append("</table>\n<p class=\"muted\">A model that reads the artifact calls images of other classes the "
                + "carrier class when the artifact is pasted in; its explanations then put their weight on the "
                + "region.</p>\n");
        h.append("<h2>Explanation clusters</h2>\n<p>The explained images with the artifact added, grouped per "
                + "predicted class by the evidence their explanations rest on. A <b>flagged</b> cluster holds most of "
                + "its weight in one border cell in nearly all its members: what a model reading the artifact "
                + "shows.</p>\n");
        clusters(h, "before", r.before());
        clusters(h, "after", r.after());
        h.append("<h2>Fine-tuning</h2>\n<table><tr><th>epoch</th><th>images</th><th>mean loss</th>"
                + "<th>held-out accuracy</th><th>seconds</th></tr>\n");
        for (ImageTrainer.EpochRecord e : r.history()) {
            h.append(String.format(Locale.ROOT, "<tr><td class=\"num\">%d</td><td class=\"num\">%d</td>"
                            + "<td class=\"num\">%.4f</td><td class=\"num\">%.4f</td><td class=\"num\">%.1f</td></tr>\n",
                    e.epoch(), e.images(), e.meanLoss(), e.validationAccuracy(), e.seconds()));
        }
        h.append("</table>\n<h2>The two models compared</h2>\n<p><a href=\"").append(COMPARISON_DIR)
                .append("/report.html\">The model diff on the held-out images</a>: per-class differences with "
                        + "intervals, McNemar's test, the images fixed and broken, how their explanations moved.</p>\n");
        return h.append(Page.close()).toString();
    }

    private static void clusters(StringBuilder h, String when, Verification v) {
        h.append(String.format(Locale.ROOT, "<h3>%s: %d clusters, %d flagged</h3>\n", when, v.clusters().size(),
                v.flaggedClusters().size()));
        h.append("<table><tr><th>cluster</th><th>predicted class</th><th>images</th><th>weight on the region</th>"
                + "<th>top cell</th><th>share of the weight in it</th><th>members whose strongest cell it is</th>"
                + "<th>flagged</th></tr>\n");
        for (Verification.Cluster found : v.clusters()) {
            ExplanationCluster c = found.cluster();
            h.append(String.format(Locale.ROOT, "<tr%s><td>%s</td><td>%s</td><td class=\"num\">%d</td>"
                            + "<td class=\"num\">%.3f</td><td class=\"num\">%d</td><td class=\"num\">%.2f</td>"
                            + "<td class=\"num\">%.2f</td><td>%s</td></tr>\n", c.flagged() ? " class=\"worse\"" : "",
                    Html.escape(c.id()), Html.escape(c.className()), c.members().size(), found.regionShare(),
                    c.topCell(), c.topShare(), c.agreement(), c.flagged() ? "yes" : "no"));
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, double before, double after, boolean higherIsBetter) {
        boolean better = higherIsBetter ? after > before : after < before;
        boolean worse = higherIsBetter ? after < before : after > before;
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%.4f</td><td class=\"num%s\">%.4f</td>"
                        + "</tr>\n", Html.escape(name), before,
                better ? " better" : worse ? " worse" : "", after));
    }
}
