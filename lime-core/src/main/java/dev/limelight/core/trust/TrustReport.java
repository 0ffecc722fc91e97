package dev.limelight.core.trust;

import dev.limelight.core.trust.Counterfactuals.Counterfactual;
import java.util.Optional;

/**
 * How far to trust one label's explanation, for the measures that were asked for.
 *
 * @param stability      agreement across independent seeds, or null
 * @param fidelity       deletion / insertion curves against random orders, or null
 * @param counterfactual the fewest top features whose removal flips the prediction (only for the
 *                       predicted label, and only if such a set was found), or null
 */
public record TrustReport(Stability stability, FidelityCurves fidelity, Counterfactual counterfactual) {

    /** No measure asked for. */
    public static final TrustReport NONE = new TrustReport(null, null, null);

    /** @return the stability, if measured */
    public Optional<Stability> stabilityIfMeasured() {
        return Optional.ofNullable(stability);
    }

    /** @return the fidelity curves, if measured */
    public Optional<FidelityCurves> fidelityIfMeasured() {
        return Optional.ofNullable(fidelity);
    }

    /** @return the counterfactual, if searched for and found */
    public Optional<Counterfactual> counterfactualIfFound() {
        return Optional.ofNullable(counterfactual);
    }
}
