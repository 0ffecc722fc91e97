package dev.limelight.core;

/**
 * Turns the distance between a perturbed sample and the original instance into the sample's
 * weight in the local surrogate fit: close samples count more.
 */
@FunctionalInterface
public interface Kernel {

    /**
     * Returns the weight of a sample at the given distance from the original instance.
     *
     * @param distance a finite, non-negative distance
     * @return the sample weight, finite and non-negative
     */
    double weight(double distance);

    /**
     * The reference kernel {@code sqrt(exp(-d^2 / width^2))}, that is
     * {@code exp(-d^2 / (2 width^2))}.
     *
     * @param width kernel width, finite and strictly positive
     * @return the exponential kernel of that width
     * @throws IllegalArgumentException if the width is not a finite positive number
     * @see ExponentialKernel#IMAGE_WIDTH
     * @see ExponentialKernel#TEXT_WIDTH
     */
    static Kernel exponential(double width) {
        return new ExponentialKernel(width);
    }
}
