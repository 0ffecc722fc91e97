package dev.limelight.core.sampling;

import java.util.Locale;
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

    /** @return these options with a budget of {@code samples} */
    public SamplingOptions withSamples(int samples) {
        return new SamplingOptions(samples, design, adaptive, seed);
    }

    /** @return these options drawing rows with {@code design} */
    public SamplingOptions withDesign(SamplingDesign design) {
        return new SamplingOptions(samples, design, adaptive, seed);
    }

    /** @return these options with adaptive sampling by {@code adaptive}, or always the budget when null */
    public SamplingOptions withAdaptive(AdaptiveSampling adaptive) {
        return new SamplingOptions(samples, design, adaptive, seed);
    }

    /** @return these options with the random seed {@code seed} */
    public SamplingOptions withSeed(long seed) {
        return new SamplingOptions(samples, design, adaptive, seed);
    }

    @Override
    public String toString() {
        return "samples=" + samples + ", design=" + design.name().toLowerCase(Locale.ROOT)
                + (adaptive != null ? ", " + adaptive : "") + ", seed=" + seed;
    }

    /** @return the adaptive sampling rule, if sampling is adaptive */
    public Optional<AdaptiveSampling> adaptiveIfOn() {
        return Optional.ofNullable(adaptive);
    }
}
