package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.FeatureSelection;
import dev.limelight.core.KLasso;
import dev.limelight.core.KLassoOptions;
import org.junit.jupiter.api.Test;

/** The stopping rule's bootstrap judges the design that was drawn. */
class BootstrapAgreementTest {

    /**
     * A model of 30 segments whose five main effects are close (0.10 .. 0.08) and whose pairwise
     * interactions are strong: under the fold-over design the interactions cancel out of the segment
     * weights only while each row keeps its complement, so resampling pairs sees a stable top 5 and
     * resampling rows, which breaks the pairs, a less stable one.
     */
    @Test
    void antitheticSamplesAreResampledInPairs() {
        int segments = 30;
        int n = 301;
        SampleMatrix samples = SampleMatrix.draw(n, segments, 11, SamplingDesign.ANTITHETIC);
        double[][] predictions = new double[n][];
        for (int i = 0; i < n; i++) {
            double p = 0.2;
            for (int j = 0; j < 5; j++) {
                p += (0.10 - 0.005 * j) * (samples.keeps(i, j) ? 1 : 0);
            }
            for (int j = 5; j < segments - 1; j += 2) {
                p += 0.12 * ((samples.keeps(i, j) ? 1 : 0) - 0.5) * ((samples.keeps(i, j + 1) ? 1 : 0) - 0.5) * 4;
            }
            p = Math.max(0.001, Math.min(0.999, p / 2));
            predictions[i] = new double[] {1 - p, p};
        }
        KLasso klasso = new KLasso(KLassoOptions.builder().kernelWidth(0.25).featureSelection(FeatureSelection.NONE)
                .numFeatures(segments).build());
        double paired = BootstrapAgreement.lowest(samples, predictions, n, new int[] {1}, klasso, 5, 20, 3,
                SamplingDesign.ANTITHETIC);
        double rowwise = BootstrapAgreement.lowest(samples, predictions, n, new int[] {1}, klasso, 5, 20, 3,
                SamplingDesign.INDEPENDENT);
        assertTrue(paired > rowwise + 0.1, "pairs resampled together: " + paired + ", rows alone: " + rowwise);
    }
}
