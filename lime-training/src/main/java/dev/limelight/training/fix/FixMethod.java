package dev.limelight.training.fix;

import java.util.Arrays;

/** How a fix changes the training images where explanations showed a confounder. */
public enum FixMethod {

    /**
     * Counterexamples (Teso and Kersting, 2019): training images get the marked region replaced by
     * content that does not depend on their label (the image's mean colour, a blur of it, noise, or
     * the same region of a random training image), labels kept, so the region stops predicting
     * anything.
     */
    COUNTEREXAMPLES("counterexamples"),

    /**
     * Artifact transfer (in the spirit of A-ClArC, Anders et al., 2022): the artifact, the region's
     * content in the images that carry it, is pasted into images of every class, labels kept, so it
     * stops predicting one class.
     */
    ARTIFACT_TRANSFER("artifact-transfer"),

    /**
     * Right for the right reasons (Ross et al., 2017): the training images as they are, and a penalty
     * on the input gradient inside the region ({@link RightReasons}).
     */
    RRR("rrr");

    private final String id;

    FixMethod(String id) {
        this.id = id;
    }

    /** @return the name on the command line and in improvement.json */
    public String id() {
        return id;
    }

    /**
     * @param id a method's name
     * @return the method
     * @throws IllegalArgumentException naming the methods there are
     */
    public static FixMethod byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fix method '" + id + "'; known: "
                        + Arrays.stream(values()).map(FixMethod::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
