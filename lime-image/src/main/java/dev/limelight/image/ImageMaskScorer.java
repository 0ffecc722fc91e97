package dev.limelight.image;

import dev.limelight.core.trust.MaskScorer;

/** Scores segment masks of the explained image through the explainer's own batch scorer. */
final class ImageMaskScorer implements MaskScorer {

    private final BatchScorer scorer;

    ImageMaskScorer(BatchScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public double[][] score(boolean[][] masks) {
        int[][] rows = new int[masks.length][];
        for (int i = 0; i < masks.length; i++) {
            rows[i] = new int[masks[i].length];
            for (int j = 0; j < masks[i].length; j++) {
                rows[i][j] = masks[i][j] ? 1 : 0;
            }
        }
        return scorer.scoreAll(SampleMatrix.of(rows), "trust");
    }
}
