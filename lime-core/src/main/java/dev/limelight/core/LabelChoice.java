package dev.limelight.core;

import java.util.Arrays;

/**
 * Which labels an explanation explains: the {@code top} labels of highest output on the original
 * input, or exactly the labels named (distinct, non-negative).
 */
public final class LabelChoice {

    private final int top;
    private final int[] named;

    private LabelChoice(int top, int[] named) {
        this.top = top;
        this.named = named;
    }

    /**
     * @param count how many of the highest-output labels to explain, at least 1
     * @return the choice of the top {@code count} labels
     */
    public static LabelChoice top(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("topLabels must be at least 1, got " + count);
        }
        return new LabelChoice(count, null);
    }

    /**
     * @param labels the labels to explain, at least one, distinct and non-negative
     * @return the choice of exactly these labels, in this order
     */
    public static LabelChoice exactly(int... labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must name at least one label");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " is negative");
            }
            for (int j = 0; j < i; j++) {
                if (labels[i] == labels[j]) {
                    throw new IllegalArgumentException("label " + labels[i] + " is given twice");
                }
            }
        }
        return new LabelChoice(labels.length, labels.clone());
    }

    /** @return how many top labels are explained when no label is named */
    public int top() {
        return top;
    }

    /** @return the named labels, or null when the top labels are explained */
    public int[] named() {
        return named == null ? null : named.clone();
    }

    /**
     * @param outputs how many outputs (classes) the model has
     * @throws IllegalArgumentException if a named label is not one of them
     */
    public void requireWithin(int outputs) {
        if (named == null) {
            return;
        }
        for (int label : named) {
            if (label >= outputs) {
                throw new IllegalArgumentException("label " + label + " is out of range: the model has " + outputs
                        + (outputs == 1 ? " output (label 0)" : " outputs (labels 0.." + (outputs - 1) + ")"));
            }
        }
    }

    /**
     * @param outputs the model's outputs for the original input
     * @return the labels to explain for these outputs: the named ones, or the top ones, highest first
     */
    public int[] resolve(double[] outputs) {
        return named != null ? named.clone() : ExplanationLoop.topLabels(outputs, top);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelChoice other && top == other.top && Arrays.equals(named, other.named);
    }

    @Override
    public int hashCode() {
        return 31 * top + Arrays.hashCode(named);
    }

    @Override
    public String toString() {
        return named != null ? "labels=" + Arrays.toString(named) : "topLabels=" + top;
    }
}
