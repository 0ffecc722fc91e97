package dev.limelight.core.report;

import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.TrustReport;
import java.util.Locale;
import java.util.function.IntFunction;

/** The trust measures as report paragraphs, the same for every kind of input. */
public final class TrustHtml {

    private TrustHtml() {
    }

    /**
     * @param trust    a label's trust measures
     * @param features what the features are, plural ("segments", "words")
     * @return a paragraph per measure taken (stability, fidelity); empty when none was
     */
    public static String measures(TrustReport trust, String features) {
        StringBuilder t = new StringBuilder();
        trust.stabilityIfMeasured().ifPresent(s -> t.append(String.format(Locale.ROOT,
                "<p><b>Stability</b>: top-%d agreement (mean pairwise Jaccard) %.3f over %d seeds.</p>\n",
                s.k(), s.topKJaccard(), s.runs())));
        trust.fidelityIfMeasured().ifPresent(f -> t.append(String.format(Locale.ROOT,
                "<p><b>Fidelity</b>: deletion area %.4f (random order %.4f), insertion area %.4f (random %.4f)%s</p>\n",
                f.deletionArea(), f.randomDeletionArea(), f.insertionArea(), f.randomInsertionArea(),
                f.suspicious() ? " <b style=\"color:#d43c3c\">flagged: removing the top " + Html.escape(features)
                        + " hurts no more than removing random ones</b>" : "")));
        return t.toString();
    }

    /**
     * @param report   how adaptive sampling went
     * @param feature  what a feature is ("segment", "word")
     * @param features the plural ("segments", "words")
     * @param names    how a feature index is shown (a word itself, say)
     * @return one paragraph: samples used of the budget, whether it converged, what is contested
     */
    public static String adaptiveSampling(SamplingReport report, String feature, String features,
                                          IntFunction<String> names) {
        String contested = report.contestedDescription(feature, features, names);
        return String.format(Locale.ROOT, "<p><b>Adaptive sampling</b>: %d of %d samples; %s.%s</p>\n", report.used(),
                report.budget(), report.converged() ? "the top " + report.last().k() + " reached the agreement asked for"
                        : "the budget ran out before the top " + Html.escape(features) + " were stable",
                contested.isEmpty() ? "" : " " + Html.escape(Character.toUpperCase(contested.charAt(0))
                        + contested.substring(1)) + ".");
    }
}
