package dev.limelight.training.fix;

import dev.limelight.image.RasterImage;
import dev.limelight.training.fit.TrainingImages;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the marked region holds in the images that carry a confounder: the class that carries it and
 * those images, whose region pixels are pasted where the artifact is wanted (artifact transfer, and
 * the shortcut test of the verification).
 *
 * @param carrierClass the class whose images carry it
 * @param className    that class's name
 * @param sources      the training images of that class, whose marked pixels are the artifact
 */
public record Artifact(int carrierClass, String className, List<Source> sources) {

    /**
     * One image that carries the artifact.
     *
     * @param image  the image at the input size
     * @param inside its marked pixels at the input size
     */
    public record Source(RasterImage image, boolean[] inside) {
    }

    /** Copies the list; at least one source. */
    public Artifact {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no training image of class " + className + " carries the artifact");
        }
    }

    /**
     * The class whose mean region content differs most (root mean square over the region's pixels
     * and channels) from the mean region content of the other classes' images: where a confounder
     * planted in one class's images shows.
     *
     * @param train  the training images
     * @param region the marked region
     * @return the artifact, carried by that class's images
     */
    public static Artifact find(TrainingImages train, MarkedRegion region) {
        int classes = train.classNames().size();
        int size = train.input().width() * train.input().height() * train.input().channels();
        double[][] sum = new double[classes][size];
        int[] count = new int[classes];
        int channels = train.input().channels();
        for (TrainingImages.Example e : train.examples()) {
            float[] pixels = e.image().pixels();
            boolean[] inside = region.inside(e.path());
            for (int p = 0; p < inside.length; p++) {
                if (inside[p]) {
                    for (int c = 0; c < channels; c++) {
                        sum[e.label()][p * channels + c] += pixels[p * channels + c];
                    }
                }
            }
            count[e.label()]++;
        }
        double[] total = new double[size];
        for (double[] classSum : sum) {
            for (int v = 0; v < size; v++) {
                total[v] += classSum[v];
            }
        }
        int best = -1;
        double bestDistance = -1;
        for (int k = 0; k < classes; k++) {
            if (count[k] == 0 || count[k] == train.size()) {
                continue;
            }
            double distance = 0;
            for (int v = 0; v < size; v++) {
                double d = sum[k][v] / count[k] - (total[v] - sum[k][v]) / (train.size() - count[k]);
                distance += d * d;
            }
            if (distance > bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("an artifact needs training images of at least two classes");
        }
        return of(train, region, best);
    }

    /**
     * @param train        the training images
     * @param region       the marked region
     * @param carrierClass the class whose images carry the artifact
     * @return the artifact
     */
    public static Artifact of(TrainingImages train, MarkedRegion region, int carrierClass) {
        if (carrierClass < 0 || carrierClass >= train.classNames().size()) {
            throw new IllegalArgumentException("class " + carrierClass + " is not one of the "
                    + train.classNames().size() + " classes");
        }
        return new Artifact(carrierClass, train.classNames().get(carrierClass),
                train.examples().stream().filter(e -> e.label() == carrierClass)
                        .map(e -> new Source(e.image(), region.inside(e.path()))).toList());
    }

    /**
     * Pastes the artifact of a randomly chosen source into an image: the source's marked pixels
     * replace the target's.
     *
     * @param target the image to paste into, at the input size
     * @param random chooses the source
     * @return the target with the artifact
     */
    public RasterImage pasteInto(RasterImage target, SplittableRandom random) {
        Source source = sources.get(random.nextInt(sources.size()));
        float[] out = target.pixels();
        float[] from = source.image().pixels();
        boolean[] inside = source.inside();
        int channels = target.channels();
        for (int p = 0; p < inside.length; p++) {
            if (inside[p]) {
                System.arraycopy(from, p * channels, out, p * channels, channels);
            }
        }
        return new RasterImage(target.width(), target.height(), channels, out);
    }
}
