package dev.limelight.models.calibration;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Labelled scores with a known best temperature: true logits z (Gaussian), labels drawn from
 * softmax(z), so softmax(z) is perfectly calibrated; the reported logits are {@code scale} * z, so
 * the temperature that calibrates them is {@code scale}.
 */
record SyntheticScores(INDArray logits, int[] labels) {

    static SyntheticScores generate(int n, int classes, double spread, double scale, long seed) {
        Random random = new Random(seed);
        double[][] logits = new double[n][classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[classes];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double z = spread * random.nextGaussian();
                logits[i][k] = scale * z;
                p[k] = Math.exp(z);
                sum += p[k];
            }
            double u = random.nextDouble() * sum;
            int label = classes - 1;
            for (int k = 0; k < classes; k++) {
                u -= p[k];
                if (u < 0) {
                    label = k;
                    break;
                }
            }
            labels[i] = label;
        }
        return new SyntheticScores(Nd4j.createFromArray(logits), labels);
    }

    INDArray probabilities() {
        return Transforms.softmax(logits, true);
    }
}
