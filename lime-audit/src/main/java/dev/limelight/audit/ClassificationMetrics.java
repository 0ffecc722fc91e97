package dev.limelight.audit;

import java.util.List;

/**
 * Accuracy, the confusion matrix and per-class precision, recall and F1 of hard predictions.
 *
 * @param confusion rows = true class, columns = predicted class
 * @param accuracy  share of correct predictions
 * @param classes   per class: precision, recall, F1 and support
 */
public record ClassificationMetrics(int[][] confusion, double accuracy, List<ClassScores> classes) {

    /**
     * The scores of one class (0 where undefined, e.g. precision of a class never predicted).
     *
     * @param classIndex the class
     * @param precision  correct / predicted as this class
     * @param recall     correct / truly this class
     * @param f1         harmonic mean of precision and recall
     * @param support    how many images truly are this class
     */
    public record ClassScores(int classIndex, double precision, double recall, double f1, int support) {
    }

    /** Copies the list. */
    public ClassificationMetrics {
        classes = List.copyOf(classes);
    }

    /**
     * @param truth     true class per image
     * @param predicted predicted class per image
     * @param k         number of classes
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted, int k) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("need as many predictions as true labels, at least one: " + truth.length
                    + " and " + predicted.length);
        }
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        java.util.ArrayList<ClassScores> scores = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int predictedC = 0;
            int actualC = 0;
            for (int o = 0; o < k; o++) {
                predictedC += confusion[o][c];
                actualC += confusion[c][o];
            }
            double precision = predictedC == 0 ? 0 : (double) tp / predictedC;
            double recall = actualC == 0 ? 0 : (double) tp / actualC;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScores(c, precision, recall, f1, actualC));
        }
        return new ClassificationMetrics(confusion, (double) correct / truth.length, scores);
    }
}
