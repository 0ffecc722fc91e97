package dev.limelight.cli;

import dev.limelight.core.sampling.AdaptiveSampling;
import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.core.sampling.SamplingReport;
import dev.limelight.core.trust.TrustOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntFunction;
import picocli.CommandLine.Option;

/**
 * The options of the trust measures and of how samples are drawn, the same for every explain
 * command (a picocli mixin): {@code --stability}, {@code --adaptive}, {@code --design},
 * {@code --fidelity}, {@code --counterfactual}.
 */
final class TrustArguments {

    /** The size of the top sets compared by stability and adaptive sampling. */
    static final int TOP_K = 5;

    @Option(names = "--stability", paramLabel = "R", defaultValue = "1",
            description = "Also explain with R seeds and report the agreement of their top 5 features (default: off).")
    int stability;

    @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "auto",
            description = "How samples are drawn: independent (the reference's for images), removal (the "
                    + "reference's for text: each sample removes k ~ U{1..d} features), antithetic (fold-over pairs) "
                    + "or orthogonal (fold-over pairs from randomised orthogonal arrays: the fewest samples for the "
                    + "same trust). Default: auto, orthogonal with --adaptive, else the reference's design for the "
                    + "input.")
    String design;

    @Option(names = "--adaptive", description = "Sample in rounds of 50 until the top 5 features are stable "
            + "(predicted agreement of fresh runs 0.8) or --samples are spent.")
    boolean adaptive;

    @Option(names = "--fidelity", description = "Measure deletion / insertion curves against random orders.")
    boolean fidelity;

    @Option(names = "--counterfactual", description = "Find the fewest top features whose removal flips the prediction.")
    boolean counterfactual;

    /**
     * @param reference the reference package's design for this kind of input
     * @return the design asked for
     * @throws BadInputException if it is not one of the designs
     */
    SamplingDesign samplingDesign(SamplingDesign reference) {
        return switch (design.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> adaptive ? SamplingDesign.ORTHOGONAL : reference;
            case "independent" -> SamplingDesign.INDEPENDENT;
            case "removal" -> SamplingDesign.REMOVAL;
            case "antithetic" -> SamplingDesign.ANTITHETIC;
            case "orthogonal" -> SamplingDesign.ORTHOGONAL;
            default -> throw new BadInputException("unknown sampling design '" + design
                    + "': use auto, independent, removal, antithetic or orthogonal");
        };
    }

    /** @return the adaptive sampling rule asked for, or null */
    AdaptiveSampling adaptiveSampling() {
        return adaptive ? AdaptiveSampling.DEFAULTS : null;
    }

    /** @throws BadInputException if --stability is below 1 */
    int stabilityRuns() {
        if (stability < 1) {
            throw new BadInputException("--stability must be at least 1, got " + stability);
        }
        return stability;
    }

    /** @return the trust measures asked for */
    TrustOptions trustOptions() {
        return new TrustOptions(stabilityRuns(), TOP_K, fidelity, counterfactual);
    }

    /** Prints how adaptive sampling went, in the commands' summary. */
    static void printSampling(SamplingReport s, String feature, String features, IntFunction<String> names,
                              PrintWriter out) {
        String contested = s.contestedDescription(feature, features, names);
        out.printf(Locale.ROOT, "  adaptive sampling: %d of %d samples, %s%s%n", s.used(), s.budget(),
                s.converged() ? "stable" : "budget spent before the threshold", contested.isEmpty() ? "" : "; " + contested);
    }
}
