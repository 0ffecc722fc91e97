package dev.limelight.audit;

import dev.limelight.audit.slices.SliceOptions;
import dev.limelight.core.ProgressListener;
import dev.limelight.image.HideMode;
import dev.limelight.models.calibration.CrossFittedTemperature;
import java.io.Serializable;
import java.util.Objects;

/**
 * Options of an {@link ImageAudit}, built with {@link #builder()}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>budget (B, explanations SP-LIME picks)</td><td>5</td></tr>
 *   <tr><td>explained (images explained, spread over the classes)</td><td>40</td></tr>
 *   <tr><td>samples per explanation</td><td>300</td></tr>
 *   <tr><td>grid cells (the shared segments)</td><td>16 (4 x 4)</td></tr>
 *   <tr><td>cells per explanation (K; SP-LIME needs sparse explanations)</td><td>4, chosen by forward
 *       selection as the reference's auto mode does for K &lt;= 6</td></tr>
 *   <tr><td>hide mode</td><td>segment mean</td></tr>
 *   <tr><td>batch size</td><td>32</td></tr>
 *   <tr><td>mistakes listed</td><td>10</td></tr>
 *   <tr><td>stability runs (R seeds per explanation, top-K agreement reported)</td><td>1 (off)</td></tr>
 *   <tr><td>seed</td><td>0</td></tr>
 *   <tr><td>tag rules</td><td>{@link TagRules#DEFAULTS}</td></tr>
 *   <tr><td>slice search</td><td>{@link SliceOptions#DEFAULTS}</td></tr>
 *   <tr><td>embeddings (the model's activations before its output, for the {@code outlier} tag and
 *       the neighbours of a potential mislabel)</td><td>on, where the model gives them</td></tr>
 *   <tr><td>calibrate (cross-fit a temperature on the audited images,
 *       {@link CrossFittedTemperature})</td><td>off</td></tr>
 * </table>
 *
 * <p>Options are serializable so that a distributed audit can send them to its executors; the
 * progress listener stays behind (it is transient and reads as {@link ProgressListener#NONE} there).
 */
public final class AuditOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int budget;
    private final int explained;
    private final int samples;
    private final int gridCells;
    private final int cellsPerExplanation;
    private final HideMode hideMode;
    private final int batchSize;
    private final int mistakes;
    private final int stabilityRuns;
    private final long seed;
    private final TagRules tagRules;
    private final SliceOptions slices;
    private final boolean embeddings;
    private final boolean calibrate;
    private final transient ProgressListener progress;

    private AuditOptions(Builder b) {
        this.budget = b.budget;
        this.explained = b.explained;
        this.samples = b.samples;
        this.gridCells = b.gridCells;
        this.cellsPerExplanation = b.cellsPerExplanation;
        this.hideMode = b.hideMode;
        this.batchSize = b.batchSize;
        this.mistakes = b.mistakes;
        this.stabilityRuns = b.stabilityRuns;
        this.seed = b.seed;
        this.tagRules = b.tagRules;
        this.slices = b.slices;
        this.embeddings = b.embeddings;
        this.calibrate = b.calibrate;
        this.progress = b.progress;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return B */
    public int budget() {
        return budget;
    }

    /** @return how many images are explained at most */
    public int explained() {
        return explained;
    }

    /** @return perturbed samples per explanation */
    public int samples() {
        return samples;
    }

    /** @return grid cells per image */
    public int gridCells() {
        return gridCells;
    }

    /** @return K, the cells each explanation keeps */
    public int cellsPerExplanation() {
        return cellsPerExplanation;
    }

    /** @return what hidden cells show */
    public HideMode hideMode() {
        return hideMode;
    }

    /** @return images per model call */
    public int batchSize() {
        return batchSize;
    }

    /** @return how many confident mistakes are listed */
    public int mistakes() {
        return mistakes;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the thresholds of the automatic tags */
    public TagRules tagRules() {
        return tagRules;
    }

    /** @return how weak slices are searched */
    public SliceOptions slices() {
        return slices;
    }

    /** @return whether the model's embeddings are taken in the classifying pass, where it gives them */
    public boolean embeddings() {
        return embeddings;
    }

    /** @return whether the audit cross-fits a temperature on its own images ({@link CrossFittedTemperature}) */
    public boolean calibrate() {
        return calibrate;
    }

    /** @return R, the seeds each explanation is made with for its stability figure (1: not measured) */
    public int stabilityRuns() {
        return stabilityRuns;
    }

    /** @return the progress listener ({@link ProgressListener#NONE} after the options were serialized) */
    public ProgressListener progress() {
        return progress == null ? ProgressListener.NONE : progress;
    }

    /** Builder; setters validate at once. */
    public static final class Builder {
        private int budget = 5;
        private int explained = 40;
        private int samples = 300;
        private int gridCells = 16;
        private int cellsPerExplanation = 4;
        private HideMode hideMode = HideMode.segmentMean();
        private int batchSize = 32;
        private int mistakes = 10;
        private int stabilityRuns = 1;
        private long seed;
        private TagRules tagRules = TagRules.DEFAULTS;
        private SliceOptions slices = SliceOptions.DEFAULTS;
        private boolean embeddings = true;
        private boolean calibrate;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {
        }

        /** @param budget B, at least 1 (default 5) */
        public Builder budget(int budget) {
            this.budget = atLeast("budget", budget, 1);
            return this;
        }

        /** @param explained images explained at most, at least 1 (default 40) */
        public Builder explained(int explained) {
            this.explained = atLeast("explained", explained, 1);
            return this;
        }

        /** @param samples per explanation, at least 2 (default 300) */
        public Builder samples(int samples) {
            this.samples = atLeast("samples", samples, 2);
            return this;
        }

        /** @param gridCells cells per image, at least 2 (default 16) */
        public Builder gridCells(int gridCells) {
            this.gridCells = atLeast("gridCells", gridCells, 2);
            return this;
        }

        /** @param k cells each explanation keeps, at least 1 (default 4) */
        public Builder cellsPerExplanation(int k) {
            this.cellsPerExplanation = atLeast("cellsPerExplanation", k, 1);
            return this;
        }

        /** @param hideMode what hidden cells show (default segment mean) */
        public Builder hideMode(HideMode hideMode) {
            this.hideMode = Objects.requireNonNull(hideMode, "hideMode");
            return this;
        }

        /** @param batchSize images per model call, at least 1 (default 32) */
        public Builder batchSize(int batchSize) {
            this.batchSize = atLeast("batchSize", batchSize, 1);
            return this;
        }

        /** @param mistakes confident mistakes listed, at least 0 (default 10) */
        public Builder mistakes(int mistakes) {
            this.mistakes = atLeast("mistakes", mistakes, 0);
            return this;
        }

        /**
         * @param runs R: explain each image with R seeds and report the agreement of their top-K cells
         *             (mean pairwise Jaccard); at least 1 (default 1: not measured)
         */
        public Builder stabilityRuns(int runs) {
            this.stabilityRuns = atLeast("stabilityRuns", runs, 1);
            return this;
        }

        /** @param seed the seed (default 0) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param tagRules the thresholds of the automatic tags (default {@link TagRules#DEFAULTS}) */
        public Builder tagRules(TagRules tagRules) {
            this.tagRules = Objects.requireNonNull(tagRules, "tagRules");
            return this;
        }

        /** @param slices how weak slices are searched (default {@link SliceOptions#DEFAULTS}) */
        public Builder slices(SliceOptions slices) {
            this.slices = Objects.requireNonNull(slices, "slices");
            return this;
        }

        /** @param on take the model's embeddings in the classifying pass, where it gives them (default on) */
        public Builder embeddings(boolean on) {
            this.embeddings = on;
            return this;
        }

        /** @param progress told as images are classified and explained */
        /** Whether to cross-fit a temperature on the audited images (default off). */
        public Builder calibrate(boolean on) {
            this.calibrate = on;
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
            }
            return value;
        }

        /** @return the options */
        public AuditOptions build() {
            return new AuditOptions(this);
        }
    }
}
