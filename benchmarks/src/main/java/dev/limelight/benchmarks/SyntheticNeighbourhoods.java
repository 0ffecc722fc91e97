package dev.limelight.benchmarks;

import dev.limelight.core.CosineDistance;
import dev.limelight.core.Neighbourhood;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Neighbourhoods shaped like the ones the explainers produce, made from a seed, for benchmarks:
 * the same generators as the reference's golden vectors (see lime-core's golden README).
 */
public final class SyntheticNeighbourhoods {

    private SyntheticNeighbourhoods() {
    }

    /**
     * Image-like: every cell Bernoulli(1/2), row 0 all ones, plain cosine distances; the label is
     * a logistic function of a few features.
     */
    public static Neighbourhood imageLike(int samples, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] z = new double[samples][features];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) {
                z[i][j] = i == 0 || random.nextBoolean() ? 1 : 0;
            }
        }
        return withLogisticLabels(z, CosineDistance.IMAGE_SCALE, random);
    }

    /**
     * Text-like, as the reference's text explainer samples: row i &gt; 0 removes k ~ U{1..d}
     * distinct words; distances are cosine x 100.
     */
    public static Neighbourhood textLike(int samples, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] z = new double[samples][features];
        int[] order = new int[features];
        for (int i = 0; i < samples; i++) {
            java.util.Arrays.fill(z[i], 1);
            if (i == 0) {
                continue;
            }
            int removed = 1 + random.nextInt(features);
            for (int j = 0; j < features; j++) {
                order[j] = j;
            }
            for (int j = 0; j < removed; j++) {
                int pick = j + random.nextInt(features - j);
                int chosen = order[pick];
                order[pick] = order[j];
                order[j] = chosen;
                z[i][chosen] = 0;
            }
        }
        return withLogisticLabels(z, CosineDistance.TEXT_SCALE, random);
    }

    private static Neighbourhood withLogisticLabels(double[][] z, double scale, SplittableRandom random) {
        int d = z[0].length;
        double[] beta = new double[d];
        for (int j = 0; j < d; j++) {
            beta[j] = random.nextGaussian() * (j < 10 ? 1.0 : 0.1);
        }
        double[][] predictions = new double[z.length][2];
        for (int i = 0; i < z.length; i++) {
            double s = -1 + 0.1 * random.nextGaussian();
            for (int j = 0; j < d; j++) {
                s += beta[j] * z[i][j];
            }
            double p = 1 / (1 + Math.exp(-s));
            predictions[i][0] = 1 - p;
            predictions[i][1] = p;
        }
        return Neighbourhood.of(z, predictions, CosineDistance.toOriginal(Nd4j.createFromArray(z), scale));
    }
}
