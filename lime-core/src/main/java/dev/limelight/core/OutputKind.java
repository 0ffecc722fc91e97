package dev.limelight.core;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a model's output rows are, which decides how they are checked and what an explained label
 * means. Declared by the model (its last layer's activation) or by an option, never guessed from
 * the values.
 */
public enum OutputKind {

    /** Class probabilities: finite, non-negative, each row summing to 1 (a softmax). */
    SOFTMAX,

    /**
     * A binary classifier with one sigmoid unit: the adapter turns its N x 1 output into two classes,
     * [1 - p, p], so rows are checked as {@link #SOFTMAX} rows of 2 classes.
     */
    SIGMOID,

    /**
     * Independent sigmoids (multi-label): each column is the probability of its own label, in [0, 1];
     * rows need not sum to 1. Each label is explained on its own probability.
     */
    MULTI_LABEL,

    /** A regression head: one finite value per input (the reference's {@code mode='regression'}). */
    REGRESSION,

    /**
     * A softmax classifier's scores before its softmax: finite, of any sign, the predicted class the
     * largest. Not a kind a model declares: the logit explain space makes it (a network's final
     * softmax removed), so {@link #parse} does not accept it.
     */
    LOGIT;

    /** @return whether a row names one predicted class, its largest value (softmax, single-sigmoid and logit outputs) */
    public boolean isClassification() {
        return this == SOFTMAX || this == SIGMOID || this == LOGIT;
    }

    /** @return what an output value is called in summaries: "p" for a probability, "value" for a regression */
    public String valueName() {
        return this == REGRESSION ? "value" : this == LOGIT ? "logit" : "p";
    }

    /** @return the lower-case name with a hyphen, as the command line spells it: "multi-label" */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name softmax, sigmoid, multi-label or regression (any case, '-' or '_')
     * @return the kind
     * @throws IllegalArgumentException if it is none of them
     */
    public static OutputKind parse(String name) {
        for (OutputKind kind : values()) {
            if (kind != LOGIT && kind.label().equals(name.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown output kind '" + name + "': use softmax, sigmoid, multi-label or "
                + "regression");
    }

    /**
     * Checks a model's output and returns its rows.
     *
     * @param output  what the model returned
     * @param rows    how many inputs were scored
     * @param columns the model's output count (classes, labels, or 1 for regression)
     * @param source  names the model in the message
     * @return the {@code rows} x {@code columns} values
     * @throws InvalidModelOutputException naming the first offending row and value
     */
    public double[][] validRows(INDArray output, long rows, int columns, String source) {
        if (this == SOFTMAX || this == SIGMOID) {
            return Probabilities.validRows(output, rows, columns, source);
        }
        double[][] values = Probabilities.shapedRows(output, rows, columns, source);
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                double v = values[i][j];
                if (!Double.isFinite(v)) {
                    throw new InvalidModelOutputException(source + " returned " + v + " for row " + i + ", column " + j);
                }
                if (this == MULTI_LABEL && (v < 0 || v > 1)) {
                    throw new InvalidModelOutputException(source + " returned " + v + " for row " + i + ", label " + j
                            + ": a multi-label output is a probability per label, in [0, 1]");
                }
            }
        }
        return values;
    }
}
