package dev.limelight.core;

/**
 * The kernel of the reference LIME implementation: {@code w(d) = sqrt(exp(-d^2 / width^2))}.
 *
 * <p>The defaults of the reference are {@link #IMAGE_WIDTH} for images (with plain cosine
 * distances in [0, 1]) and {@link #TEXT_WIDTH} for text (with cosine distances scaled by 100).
 *
 * @param width the kernel width, finite and strictly positive
 */
public record ExponentialKernel(double width) implements Kernel {

    /** Kernel width the reference uses for images: 0.25. */
    public static final double IMAGE_WIDTH = 0.25;

    /** Kernel width the reference uses for text: 25 (on cosine distances times 100). */
    public static final double TEXT_WIDTH = 25.0;

    /**
     * Creates the kernel.
     *
     * @throws IllegalArgumentException if {@code width} is not finite or not strictly positive
     */
    public ExponentialKernel {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("kernel width must be a finite number > 0, got " + width);
        }
    }

    @Override
    public double weight(double distance) {
        return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
    }

    @Override
    public String toString() {
        return "ExponentialKernel[width=" + width + "]";
    }
}
