package dev.limelight.core.sampling;

import java.util.Objects;
import java.util.Optional;

/**
 * How an explanation draws its perturbed samples.
 *
 * @param samples  the budget N, the original included (at least 2)
 * @param design   how the rows are drawn
 * @param adaptive stop before the budget once the top features are stable, or null for always N
 * @param seed     the random seed; the same seed gives the same samples
 */
public record SamplingOptions(int samples, SamplingDesign design, AdaptiveSampling adaptive, long seed) {

    /** @throws IllegalArgumentException if fewer than 2 samples are asked for */
    public SamplingOptions {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2 (the original and one perturbation), got "
                    + samples);
        }
        Objects.requireNonNull(design, "design");
    }

    /** @return the adaptive sampling rule, if sampling is adaptive */
    public Optional<AdaptiveSampling> adaptiveIfOn() {
        return Optional.ofNullable(adaptive);
    }
}
