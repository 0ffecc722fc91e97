package dev.limelight.image.render;

import static dev.limelight.core.report.Html.escape;

import dev.limelight.core.FeatureWeight;
import dev.limelight.core.report.AtomicFiles;
import dev.limelight.core.report.Page;
import dev.limelight.core.report.TrustHtml;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.LabelExplanation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page for an image explanation (images embedded as data URIs, no script, no
 * network): the explained image, then per label its probability, the overlay of the strongest
 * segments, the heat map, and a bar chart of the top segment weights with the surrogate's
 * intercept, score and local prediction.
 */
public final class HtmlReport {

    /** Segments shown per label in the overlay and the bar chart. */
    public static final int TOP_SEGMENTS = 8;

    private HtmlReport() {
    }

    /** Writes the report to {@code file}. */
    public static void write(ImageExplanation e, String title, Path file) throws IOException {
        write(e, title, file, new ExplanationPictures(e));
    }

    static void write(ImageExplanation e, String title, Path file, ExplanationPictures pictures) throws IOException {
        AtomicFiles.writeString(file, render(e, title, pictures));
    }

    /** @return the report as HTML text */
    public static String render(ImageExplanation e, String title) {
        return render(e, title, new ExplanationPictures(e));
    }

    private static String render(ImageExplanation e, String title, ExplanationPictures pictures) {
        StringBuilder html = new StringBuilder();
        html.append(Page.open(title, "img{image-rendering:pixelated;width:299px}td{font-variant-numeric:tabular-nums}"));
        html.append(String.format(Locale.ROOT, "<p>%d perturbed samples, %d segments (%s), hidden segments show %s, "
                        + "seed %d; the surrogate fits %s. Time: %s.</p>\n", e.samples(), e.segmentation().segmentCount(),
                escape(e.options().segmenter().toString()), escape(e.options().hideMode().toString()), e.seed(),
                escape(e.model().explained().describe()), escape(e.timings().toString())));
        e.samplingIfAdaptive().ifPresent(a -> html.append(TrustHtml.adaptiveSampling(a, "segment", "segments", String::valueOf)));
        html.append(figure(pictures.image(), "explained image (model input)"));
        for (LabelExplanation l : e.labels()) {
            html.append("<section><h2>").append(escape(l.name())).append(String.format(Locale.ROOT,
                    " <small>(class %d, p = %.4f)</small></h2>\n", l.label(), l.probability()));
            html.append(figure(pictures.overlay(l.label()),
                    "top " + TOP_SEGMENTS + " segments: green raise, red lower the probability"));
            html.append(figure(pictures.heatMap(l.label()), "weight of every segment"));
            html.append(weightsTable(l));
            html.append(trust(l));
            html.append("</section>\n");
        }
        html.append(Page.close());
        return html.toString();
    }

    private static String weightsTable(LabelExplanation l) {
        List<FeatureWeight> top = l.surrogate().top(TOP_SEGMENTS);
        double max = top.stream().mapToDouble(w -> Math.abs(w.weight())).max().orElse(1);
        StringBuilder t = new StringBuilder("<table><tr><th>segment</th><th>weight</th><th></th></tr>\n");
        for (FeatureWeight w : top) {
            int width = (int) Math.round(200 * Math.abs(w.weight()) / (max == 0 ? 1 : max));
            t.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%+.5f</td><td><span class=\"bar %s\" "
                    + "style=\"width:%dpx\"></span></td></tr>\n", w.feature(), w.weight(), w.weight() >= 0 ? "pos" : "neg",
                    width));
        }
        t.append(String.format(Locale.ROOT, "</table><p>intercept %.5f, score (weighted R<sup>2</sup>) %.4f, "
                + "local prediction %.5f</p>\n", l.surrogate().intercept(), l.surrogate().score(),
                l.surrogate().localPrediction()));
        return t.toString();
    }

    private static String trust(LabelExplanation l) {
        StringBuilder t = new StringBuilder();
        t.append(TrustHtml.measures(l.trust(), "segments"));
        l.trust().counterfactualIfFound().ifPresent(c -> t.append(String.format(Locale.ROOT,
                "<p><b>Counterfactual</b>: hiding segments %s makes the model predict class %d (p = %.4f).</p>\n",
                escape(c.removed().toString()), c.newLabel(), c.newProbability())));
        return t.toString();
    }

    private static String figure(byte[] png, String caption) {
        return "<figure>" + HtmlParts.img(png, caption, "") + "<figcaption>" + escape(caption)
                + "</figcaption></figure>\n";
    }

}
