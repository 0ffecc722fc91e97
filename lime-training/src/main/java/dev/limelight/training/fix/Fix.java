package dev.limelight.training.fix;

import dev.limelight.image.RasterImage;
import dev.limelight.training.fit.TrainingImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A change to training images, labels kept, that takes a confounder's predictive power away. Each
 * epoch draws afresh, per image:
 * <ul>
 *   <li>{@link FixMethod#COUNTEREXAMPLES}: with probability {@code share}, the marked region gets
 *       content that does not depend on the label ({@link Fill});</li>
 *   <li>{@link FixMethod#ARTIFACT_TRANSFER}: every image carries the artifact with probability
 *       {@code share}, whatever its class: pasted into images of the other classes, and left in the
 *       carrier class's images, whose region is otherwise filled (mean, blur, noise, or the region of
 *       an image of another class, which shows the carrier with the region as clean images have it).
 *       The artifact stops predicting a class while clean images stay part of the training.</li>
 * </ul>
 *
 * @param method   which change
 * @param region   the marked region
 * @param artifact the artifact and the images that carry it
 * @param share    counterexamples: the share of images altered; artifact transfer: the share of
 *                 images of every class that carry the artifact; in (0, 1]
 */
public record Fix(FixMethod method, MarkedRegion region, Artifact artifact, double share) {

    /**
     * The fill modes of a counterexample, drawn at random per image: the image's mean colour, a blur
     * of it, uniform noise, the region of a random training image (of any class: the region's content
     * then no longer depends on the label, the artifact included), or the region of a random training
     * image of another class than the artifact's carrier (clean content, never the artifact).
     */
    enum Fill { MEAN, BLUR, NOISE, SWAP, SWAP_FROM_OTHER_CLASS }

    /**
     * The fills that never bring the artifact in: what takes it out of a carrier's image. Without the
     * swap from another class, a carrier would never show the region as clean images show it, and
     * clean content there would come to speak against the carrier class.
     */
    private static final Fill[] REMOVING = {Fill.MEAN, Fill.BLUR, Fill.NOISE, Fill.SWAP_FROM_OTHER_CLASS};

    /** The most draws of a random image of another class before the swap gives up (mean colour). */
    private static final int SWAP_TRIES = 64;

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
     * @return the epoch's training images, as the method alters them
     */
    public TrainingImages epoch(TrainingImages train, int epoch, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        List<TrainingImages.Example> out = new ArrayList<>(train.size());
        for (TrainingImages.Example e : train.examples()) {
            RasterImage altered = alter(e, train, random);
            out.add(altered == e.image() ? e : e.withImage(altered));
        }
        return train.withExamples(out);
    }

    /** @return the image as this fix alters it (the same object when it leaves it as it is) */
    RasterImage alter(TrainingImages.Example e, TrainingImages train, SplittableRandom random) {
        boolean drawn = random.nextDouble() < share;
        if (method == FixMethod.COUNTEREXAMPLES) {
            return drawn ? counterexample(e, train, Fill.values()[random.nextInt(Fill.values().length)], random)
                    : e.image();
        }
        if (e.label() == artifact.carrierClass()) {
            return drawn ? e.image() : counterexample(e, train, REMOVING[random.nextInt(REMOVING.length)], random);
        }
        return drawn ? artifact.pasteInto(e.image(), random) : e.image();
    }

    /** The image with its marked region filled. */
    RasterImage counterexample(TrainingImages.Example e, TrainingImages train, Fill fill, SplittableRandom random) {
        TrainingImages.Example donor = fill == Fill.SWAP_FROM_OTHER_CLASS ? otherClass(train, random) : null;
        if (fill == Fill.SWAP_FROM_OTHER_CLASS && donor == null) {
            fill = Fill.MEAN;
        }
        RasterImage image = e.image();
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        float[] out = image.pixels();
        boolean[] inside = region.inside(e.path());
        float[] source = switch (fill) {
            case MEAN -> mean(out, c);
            case BLUR -> blurInside(out, inside, w, h, c);
            case NOISE -> null;
            case SWAP -> train.examples().get(random.nextInt(train.size())).image().pixels();
            case SWAP_FROM_OTHER_CLASS -> donor.image().pixels();
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

    /** A random training image whose class is not the artifact's carrier, or null if none is drawn. */
    private TrainingImages.Example otherClass(TrainingImages train, SplittableRandom random) {
        for (int tries = 0; tries < SWAP_TRIES; tries++) {
            TrainingImages.Example candidate = train.examples().get(random.nextInt(train.size()));
            if (candidate.label() != artifact.carrierClass()) {
                return candidate;
            }
        }
        return null;
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

    /** A box blur of the image, computed at the marked pixels only (the others stay 0). */
    private static float[] blurInside(float[] pixels, boolean[] inside, int w, int h, int c) {
        float[] out = new float[pixels.length];
        for (int p = 0; p < inside.length; p++) {
            if (!inside[p]) {
                continue;
            }
            int x = p % w;
            int y = p / w;
            for (int k = 0; k < c; k++) {
                double sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - BLUR_RADIUS); yy <= Math.min(h - 1, y + BLUR_RADIUS); yy++) {
                    for (int xx = Math.max(0, x - BLUR_RADIUS); xx <= Math.min(w - 1, x + BLUR_RADIUS); xx++) {
                        sum += pixels[(yy * w + xx) * c + k];
                        n++;
                    }
                }
                out[p * c + k] = (float) (sum / n);
            }
        }
        return out;
    }
}
