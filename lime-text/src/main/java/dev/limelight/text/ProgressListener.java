package dev.limelight.text;

/** Told how far a long text explanation has got (e.g. to draw a progress bar). */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done ("score": perturbed texts scored by the classifier)
     * @param done  units finished so far
     * @param total units in all
     */
    void progress(String stage, long done, long total);
}
