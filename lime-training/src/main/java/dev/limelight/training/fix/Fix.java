package dev.limelight.training.fix;

import dev.limelight.image.RasterImage;
import dev.limelight.training.fit.TrainingImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A change to training images, labels kept, that takes a confounder's predictive power away:
 * {@link FixMethod#COUNTEREXAMPLES} fills the marked region with content that does not depend on
 * the label ({@link Fill}), {@link FixMethod#ARTIFACT_TRANSFER} pastes the artifact into images of
 * every class. Each epoch alters a fresh random draw of the training images.
 *
 * @param method   which change
 * @param region   the marked region
 * @param artifact the artifact and the images that carry it
 * @param share    the share of each epoch's training images that are altered, in (0, 1]
 */
public record Fix(FixMethod method, MarkedRegion region, Artifact artifact, double share) {

    /**
     * The fill modes of a counterexample, drawn at random per image: the image's mean colour, a blur
     * of it, uniform noise, or the region of a random training image (of any class: the region's
     * content then no longer depends on the label, the artifact included).
     */
    enum Fill { MEAN, BLUR, NOISE, SWAP }

    /** Box blur radius of the {@code BLUR} fill, in pixels at the input size. */
    private static final int BLUR_RADIUS = 2;

    /** @throws IllegalArgumentException for a share outside (0, 1] */
    public Fix {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of altered images must be in (0, 1], got " + share);
        }
    }

    /**
     * @param train the training images
     * @param epoch the epoch, from 1
     * @param seed  the run's seed
     * @return the epoch's training images: the same images, a random {@link #share} of them altered
     */
    public TrainingImages epoch(TrainingImages train, int epoch, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        List<TrainingImages.Example> out = new ArrayList<>(train.size());
        for (TrainingImages.Example e : train.examples()) {
            out.add(random.nextDouble() < share ? e.withImage(alter(e, train, random)) : e);
        }
        return train.withExamples(out);
    }

    /** @return the image altered by this fix */
    RasterImage alter(TrainingImages.Example e, TrainingImages train, SplittableRandom random) {
        if (method == FixMethod.ARTIFACT_TRANSFER) {
            return artifact.pasteInto(e.image(), random);
        }
        Fill fill = Fill.values()[random.nextInt(Fill.values().length)];
        return counterexample(e, train, fill, random);
    }

    /** The image with its marked region filled. */
    RasterImage counterexample(TrainingImages.Example e, TrainingImages train, Fill fill, SplittableRandom random) {
        RasterImage image = e.image();
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        float[] out = image.pixels();
        boolean[] inside = region.inside(e.path());
        float[] source = switch (fill) {
            case MEAN -> mean(out, c);
            case BLUR -> blur(out, w, h, c);
            case NOISE -> null;
            case SWAP -> train.examples().get(random.nextInt(train.size())).image().pixels();
        };
        for (int p = 0; p < inside.length; p++) {
            if (inside[p]) {
                for (int k = 0; k < c; k++) {
                    out[p * c + k] = switch (fill) {
                        case MEAN -> source[k];
                        case NOISE -> (float) (255 * random.nextDouble());
                        default -> source[p * c + k];
                    };
                }
            }
        }
        return new RasterImage(w, h, c, out);
    }

    private static float[] mean(float[] pixels, int channels) {
        float[] mean = new float[channels];
        double[] sum = new double[channels];
        for (int i = 0; i < pixels.length; i++) {
            sum[i % channels] += pixels[i];
        }
        for (int k = 0; k < channels; k++) {
            mean[k] = (float) (sum[k] / (pixels.length / channels));
        }
        return mean;
    }

    private static float[] blur(float[] pixels, int w, int h, int c) {
        float[] out = new float[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    double sum = 0;
                    int n = 0;
                    for (int dy = -BLUR_RADIUS; dy <= BLUR_RADIUS; dy++) {
                        for (int dx = -BLUR_RADIUS; dx <= BLUR_RADIUS; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                sum += pixels[(yy * w + xx) * c + k];
                                n++;
                            }
                        }
                    }
                    out[(y * w + x) * c + k] = (float) (sum / n);
                }
            }
        }
        return out;
    }
}
