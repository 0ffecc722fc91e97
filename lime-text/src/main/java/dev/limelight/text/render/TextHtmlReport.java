package dev.limelight.text.render;

import static dev.limelight.core.report.Html.escape;

import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import dev.limelight.core.report.TrustHtml;
import dev.limelight.text.TextExplanation;
import dev.limelight.text.TextLabelExplanation;
import dev.limelight.text.WordWeight;
import dev.limelight.text.tokenize.IndexedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page for a text explanation (inline CSS only: no script, no image, no
 * network): the classifier's probabilities, then per explained label a bar chart of the top words
 * and the text with every explained word highlighted, green where it raises the label's
 * probability and red where it lowers it, the stronger the colour the larger the |weight|.
 */
public final class TextHtmlReport {

    /** Words shown per label in the bar chart: 10. */
    public static final int TOP_WORDS = 10;

    private static final int BAR_PIXELS = 220;

    private TextHtmlReport() {
    }

    /**
     * Writes the report.
     *
     * @param e     the explanation
     * @param title the page title (e.g. the file name of the text)
     * @param file  the file to write (UTF-8)
     * @throws IOException if it cannot be written
     */
    public static void write(TextExplanation e, String title, Path file) throws IOException {
        AtomicFiles.writeString(file, render(e, title));
    }

    /**
     * @param e     the explanation
     * @param title the page title
     * @return the report as HTML text
     */
    public static String render(TextExplanation e, String title) {
        StringBuilder html = new StringBuilder(e.text().raw().length() * (2 + e.labels().size()) + 4096);
        html.append(Page.open(title, "body{max-width:60em}.text{white-space:pre-wrap;font-family:ui-monospace,"
                + "monospace;font-size:.9em;border:1px solid #ddd;padding:1em;line-height:1.6}"
                + "mark{border-radius:3px;padding:0 1px;color:#111}"));
        html.append(String.format(Locale.ROOT, "<p class=\"muted\">%d perturbed texts, %d features (%s), "
                        + "perturbation: %s, seed %d. Time: %s.</p>\n", e.samples(), e.text().featureCount(),
                escape(e.options().tokenizer().toString()), escape(e.options().perturbation().toString()), e.seed(),
                escape(e.timings().toString())));
        e.samplingIfAdaptive().ifPresent(a -> html.append(TrustHtml.adaptiveSampling(a, "word", "words", f -> "\u201c" + e.text().word(f) + "\u201d")));
        html.append(probabilityTable(e));
        for (TextLabelExplanation l : e.labels()) {
            html.append("<section><h2>").append(escape(l.name())).append(String.format(Locale.ROOT,
                    " <small class=\"muted\">(class %d, p = %.4f)</small></h2>\n", l.label(), l.probability()));
            html.append(weightsChart(l));
            html.append("<p class=\"muted\">Highlighted: the explained words; "
                    + "<mark style=\"background:rgba(42,157,63,.6)\">green</mark> raise, "
                    + "<mark style=\"background:rgba(212,60,60,.6)\">red</mark> lower the probability of ")
                    .append(escape(l.name())).append(".</p>\n");
            html.append(highlightedText(e.text(), l));
            html.append(TrustHtml.measures(l.trust(), "words"));
            html.append("</section>\n");
        }
        if (e.options().trust().counterfactual()) {
            html.append("<section><h2>Counterfactual</h2>\n");
            e.counterfactualIfFound().ifPresentOrElse(c -> html.append(String.format(Locale.ROOT,
                    "<p>Removing %s turns <b>%s</b> into <b>%s</b> (p = %.4f; %s keeps %.4f), verified by the "
                            + "classifier. The text it saw:</p>\n<pre>%s</pre>\n",
                    escape(c.removed().stream().map(w -> "\u201c" + w.word() + "\u201d")
                            .collect(java.util.stream.Collectors.joining(", "))),
                    escape(c.originalName()), escape(c.newName()), c.newProbability(), escape(c.originalName()),
                    c.originalLabelProbability(), escape(c.text()))),
                    () -> html.append("<p class=\"muted\">None found: removing every positively weighted top word "
                            + "does not change the prediction.</p>\n"));
            html.append("</section>\n");
        }
        html.append(Page.close());
        return html.toString();
    }

    private static String probabilityTable(TextExplanation e) {
        StringBuilder t = new StringBuilder("<table><tr><th>class</th><th>probability</th><th></th></tr>\n");
        double[] p = e.probabilities();
        for (int i = 0; i < p.length; i++) {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%.4f</td><td><span class=\"bar "
                    + "prob\" style=\"width:%dpx\"></span></td></tr>\n", escape(e.classNames().get(i)), p[i],
                    Math.round(BAR_PIXELS * p[i])));
        }
        return t.append("</table>\n").toString();
    }

    private static String weightsChart(TextLabelExplanation l) {
        List<WordWeight> top = l.top(TOP_WORDS);
        double max = maxAbs(top);
        StringBuilder t = new StringBuilder("<table><tr><th>word</th><th>weight</th><th></th></tr>\n");
        for (WordWeight w : top) {
            long width = Math.round(BAR_PIXELS * Math.abs(w.weight()) / max);
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%+.5f</td><td><span class=\"bar "
                    + "%s\" style=\"width:%dpx\"></span></td></tr>\n", escape(visible(w.word())), w.weight(),
                    w.weight() >= 0 ? "pos" : "neg", width));
        }
        t.append(String.format(Locale.ROOT, "</table><p class=\"muted\">intercept %.5f, score (weighted "
                + "R<sup>2</sup>) %.4f, local prediction %.5f</p>\n", l.intercept(), l.score(), l.localPrediction()));
        return t.toString();
    }

    private static String highlightedText(IndexedText text, TextLabelExplanation l) {
        Map<Integer, Double> weightOfFeature = new HashMap<>();
        for (WordWeight w : l.words()) {
            weightOfFeature.put(w.feature(), w.weight());
        }
        double max = maxAbs(l.words());
        StringBuilder out = new StringBuilder("<div class=\"text\">");
        List<String> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            int f = text.featureOfToken(i);
            Double w = f < 0 ? null : weightOfFeature.get(f);
            if (w == null || w == 0) {
                out.append(escape(tokens.get(i)));
                continue;
            }
            double alpha = 0.15 + 0.75 * Math.abs(w) / max;
            out.append(String.format(Locale.ROOT, "<mark style=\"background:rgba(%s,%.2f)\" title=\"%+.5f\">",
                    w > 0 ? "42,157,63" : "212,60,60", alpha, w)).append(escape(tokens.get(i))).append("</mark>");
        }
        return out.append("</div>\n").toString();
    }

    private static double maxAbs(List<WordWeight> words) {
        double max = 0;
        for (WordWeight w : words) {
            max = Math.max(max, Math.abs(w.weight()));
        }
        return max == 0 ? 1 : max;
    }

    private static String visible(String word) {
        return word.replace("\0", "\u2400").replace("\n", "\u21b5").replace(" ", "\u2423");
    }

}
