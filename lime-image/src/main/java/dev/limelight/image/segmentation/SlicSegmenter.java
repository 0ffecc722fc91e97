package dev.limelight.image.segmentation;

import boofcv.abst.segmentation.ImageSuperpixels;
import boofcv.abst.segmentation.Slic_to_ImageSuperpixels;
import boofcv.factory.segmentation.ConfigSlic;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.Planar;

/**
 * SLIC superpixels (Achanta et al., 2012): k-means in colour and position from a regular grid of
 * seeds; compact regions of similar size. Configured by BoofCV's own {@link ConfigSlic}: the number
 * of seeds, the spatial weight (larger: more compact regions), the k-means iterations and the
 * connectivity rule; {@link #defaults(int)} are BoofCV's (spatial weight 200, 10 iterations). Runs
 * BoofCV's algorithm with its k-means steps on packed arrays ({@link PackedSlic}): the same labels,
 * several times faster.
 *
 * <pre>{@code
 * ConfigSlic fast = SlicSegmenter.defaults(64);
 * fast.totalIterations = 5;
 * Segmenter segmenter = new SlicSegmenter(fast);
 * }</pre>
 */
public final class SlicSegmenter extends BoofcvSegmenter {

    private final ConfigSlic config;

    /** @param segments the number of seeds, at least 2; BoofCV's other defaults */
    public SlicSegmenter(int segments) {
        this(defaults(segments));
    }

    /**
     * @param config BoofCV's SLIC configuration (copied)
     * @throws IllegalArgumentException for fewer than 2 seeds, a non-positive spatial weight or no iteration
     */
    public SlicSegmenter(ConfigSlic config) {
        if (config.numberOfRegions < 2) {
            throw new IllegalArgumentException("SLIC needs at least 2 segments, got " + config.numberOfRegions);
        }
        if (!(config.spacialWeight > 0)) {
            throw new IllegalArgumentException("SLIC needs a positive spatial weight, got " + config.spacialWeight);
        }
        if (config.totalIterations < 1) {
            throw new IllegalArgumentException("SLIC needs at least 1 iteration, got " + config.totalIterations);
        }
        this.config = new ConfigSlic();
        this.config.setTo(config);
    }

    /** @return BoofCV's default SLIC configuration for {@code segments} seeds */
    public static ConfigSlic defaults(int segments) {
        return new ConfigSlic(segments);
    }

    /** @return a copy of the configuration */
    public ConfigSlic config() {
        ConfigSlic copy = new ConfigSlic();
        copy.setTo(config);
        return copy;
    }

    @Override
    ImageSuperpixels<Planar<GrayF32>> algorithm(int width, int height) {
        return new Slic_to_ImageSuperpixels<>(new PackedSlic(config));
    }

    @Override
    public String toString() {
        return config.totalIterations == defaults(config.numberOfRegions).totalIterations
                && config.spacialWeight == defaults(config.numberOfRegions).spacialWeight
                ? "slic(" + config.numberOfRegions + ")"
                : String.format(java.util.Locale.ROOT, "slic(%d, spatial weight %s, %d iterations)",
                        config.numberOfRegions, config.spacialWeight, config.totalIterations);
    }
}
