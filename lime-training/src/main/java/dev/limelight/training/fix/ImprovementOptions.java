package dev.limelight.training.fix;

import dev.limelight.training.fit.TrainingOptions;

/**
 * How a model is improved.
 *
 * @param method       the fix (default counterexamples)
 * @param training     the fine-tuning: epochs (default 5), batch size (64), learning rate (1e-3, set
 *                     on the loaded network), seed (42), and the share of each class held out to
 *                     verify the fix (0.2)
 * @param share        counterexamples: the share of each epoch's training images altered (default
 *                     1); artifact transfer: the share of every class's images that carry the
 *                     artifact (default 0.5); in (0, 1], or NaN for the method's default
 * @param carrierClass the class whose images carry the artifact, or -1 to find it
 *                     ({@link Artifact#find})
 * @param lambda       rrr: the penalty's weight (default {@value RightReasons#DEFAULT_LAMBDA})
 * @param verification how the region share is measured
 */
public record ImprovementOptions(FixMethod method, TrainingOptions training, double share, int carrierClass,
                                 double lambda, Verification.Settings verification) {

    /** The defaults. */
    public static final ImprovementOptions DEFAULTS = new ImprovementOptions(FixMethod.COUNTEREXAMPLES,
            new TrainingOptions(5, 64, 1e-3, 1, 42, 0.2), Double.NaN, -1, RightReasons.DEFAULT_LAMBDA,
            Verification.Settings.DEFAULTS);

    /** @throws IllegalArgumentException for a share outside (0, 1], or no held-out images */
    public ImprovementOptions {
        java.util.Objects.requireNonNull(method, "method");
        java.util.Objects.requireNonNull(training, "training");
        java.util.Objects.requireNonNull(verification, "verification");
        if (!Double.isNaN(share) && !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of altered images must be in (0, 1], got " + share);
        }
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("the penalty's weight must be positive, got " + lambda);
        }
        if (!(training.validationShare() > 0)) {
            throw new IllegalArgumentException("a fix is verified on held-out images: the held-out share must be "
                    + "positive");
        }
    }

    /** @return the share the fix uses: the given one, or the method's default */
    public double effectiveShare() {
        return !Double.isNaN(share) ? share : method == FixMethod.COUNTEREXAMPLES ? 1.0 : 0.5;
    }

    /** @return these options with another method */
    public ImprovementOptions withMethod(FixMethod other) {
        return new ImprovementOptions(other, training, share, carrierClass, lambda, verification);
    }

    /** @return these options with other training options */
    public ImprovementOptions withTraining(TrainingOptions other) {
        return new ImprovementOptions(method, other, share, carrierClass, lambda, verification);
    }

    /** @return these options with another share */
    public ImprovementOptions withShare(double other) {
        return new ImprovementOptions(method, training, other, carrierClass, lambda, verification);
    }

    /** @return these options with a known carrier class */
    public ImprovementOptions withCarrierClass(int other) {
        return new ImprovementOptions(method, training, share, other, lambda, verification);
    }

    /** @return these options with another penalty weight (rrr) */
    public ImprovementOptions withLambda(double other) {
        return new ImprovementOptions(method, training, share, carrierClass, other, verification);
    }

    /** @return these options with other verification settings */
    public ImprovementOptions withVerification(Verification.Settings other) {
        return new ImprovementOptions(method, training, share, carrierClass, lambda, other);
    }
}
