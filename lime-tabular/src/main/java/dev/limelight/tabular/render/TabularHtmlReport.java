package dev.limelight.tabular.render;

import static dev.limelight.core.report.Html.escape;

import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import dev.limelight.core.report.TrustHtml;
import dev.limelight.tabular.ConditionWeight;
import dev.limelight.tabular.TabularExplanation;
import dev.limelight.tabular.TabularLabelExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A self-contained HTML page for a tabular explanation (inline CSS only: no script, no image, no
 * network): the row with the condition each value meets, the classifier's probabilities, then per
 * explained label a bar chart of the conditions' weights, green where meeting the condition raises
 * the label's probability and red where it lowers it.
 */
public final class TabularHtmlReport {

    private static final int BAR_PIXELS = 220;

    private TabularHtmlReport() {
    }

    /**
     * Writes the report, atomically.
     *
     * @param e     the explanation
     * @param title the page title (e.g. the table's file name and the row)
     * @param file  the file to write (UTF-8)
     * @throws IOException if it cannot be written
     */
    public static void write(TabularExplanation e, String title, Path file) throws IOException {
        AtomicFiles.writeString(file, render(e, title));
    }

    /** @return the report as HTML text */
    public static String render(TabularExplanation e, String title) {
        StringBuilder html = new StringBuilder(8192);
        html.append(Page.open(title, "body{max-width:60em}"));
        html.append(String.format(Locale.ROOT, "<p class=\"muted\">%d perturbed rows drawn from %d training rows, "
                        + "%d columns (numeric columns binned by %s), kernel width %.3f, seed %d. Time: %s.</p>\n",
                e.samples(), e.training().rows(), e.row().length,
                e.training().discretizer().name().toLowerCase(Locale.ROOT), e.kernelWidth(), e.seed(),
                escape(e.timings().toString())));
        html.append("<h2>Row</h2>\n<table><tr><th>column</th><th>value</th><th>condition</th></tr>\n");
        for (int j = 0; j < e.row().length; j++) {
            html.append("<tr><td>").append(escape(e.schema().column(j).name())).append("</td><td>")
                    .append(escape(e.values().get(j))).append("</td><td>").append(escape(e.conditions().get(j)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        e.samplingIfAdaptive().ifPresent(a -> html.append(TrustHtml.adaptiveSampling(a, "condition", "conditions",
                f -> "\u201c" + e.conditions().get(f) + "\u201d")));
        html.append(probabilityTable(e));
        for (TabularLabelExplanation l : e.labels()) {
            html.append("<section><h2>").append(escape(l.name())).append(String.format(Locale.ROOT,
                    " <small class=\"muted\">(class %d, %s = %.4f)</small></h2>\n", l.label(),
                    e.outputKind().valueName(), l.probability()));
            html.append(weightsChart(l));
            html.append(TrustHtml.measures(l.trust(), "conditions"));
            html.append("</section>\n");
        }
        html.append(Page.close());
        return html.toString();
    }

    private static String probabilityTable(TabularExplanation e) {
        StringBuilder t = new StringBuilder("<h2>Prediction</h2>\n<table><tr><th>class</th><th>")
                .append(escape(e.outputKind().valueName())).append("</th><th></th></tr>\n");
        double[] p = e.probabilities();
        for (int i = 0; i < p.length; i++) {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%.4f</td><td><span class=\"bar "
                    + "prob\" style=\"width:%dpx\"></span></td></tr>\n", escape(e.classNames().get(i)), p[i],
                    Math.round(BAR_PIXELS * Math.max(0, Math.min(1, p[i])))));
        }
        return t.append("</table>\n").toString();
    }

    private static String weightsChart(TabularLabelExplanation l) {
        double max = 0;
        for (ConditionWeight c : l.conditions()) {
            max = Math.max(max, Math.abs(c.weight()));
        }
        max = max == 0 ? 1 : max;
        StringBuilder t = new StringBuilder("<table><tr><th>condition</th><th>weight</th><th></th></tr>\n");
        for (ConditionWeight c : l.conditions()) {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%+.5f</td><td><span class=\"bar "
                    + "%s\" style=\"width:%dpx\"></span></td></tr>\n", escape(c.condition()), c.weight(),
                    c.weight() >= 0 ? "pos" : "neg", Math.round(BAR_PIXELS * Math.abs(c.weight()) / max)));
        }
        t.append(String.format(Locale.ROOT, "</table><p class=\"muted\">intercept %.5f, score (weighted "
                + "R<sup>2</sup>) %.4f, local prediction %.5f; green raises, red lowers the output of this class "
                + "when the row meets the condition</p>\n", l.surrogate().intercept(), l.surrogate().score(),
                l.surrogate().localPrediction()));
        return t.toString();
    }
}
