package dev.limelight.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.limelight.audit.ImageProperties;
import dev.limelight.audit.slices.Cohort.All;
import dev.limelight.audit.slices.Cohort.Both;
import dev.limelight.audit.slices.Cohort.InRange;
import dev.limelight.audit.slices.Cohort.OfLabel;
import dev.limelight.audit.slices.Cohort.OfPrediction;
import dev.limelight.audit.slices.Cohort.OfTag;
import java.util.ArrayList;
import java.util.List;

/**
 * The images a check looks at, as a suite file writes it: all of them, or those with a label, a
 * predicted class, a tag, and a property in {@code [min, max]}; the parts given must all hold. In a
 * suite file: {@code cohort: {label: Shirt, property: brightness, max: 60}}. It compiles to the
 * audit's {@link dev.limelight.audit.slices.Cohort}, so a weak slice an audit reports and a cohort a
 * suite tests select rows the same way.
 *
 * @param label     the label the images have, or null for any
 * @param predicted the class the model predicts for them, or null for any (works without labels)
 * @param tag       a tag they carry (automatic or the user's), or null for any
 * @param property  an image property ({@link ImageProperties#NAMES}) bounded by {@code min} / {@code max}, or null
 * @param min       the property's least value, included, or null
 * @param max       the property's greatest value, included, or null
 */
public record Cohort(String label, String predicted, String tag, String property, Double min, Double max) {

    /** Every image. */
    public static final Cohort ALL = new Cohort(null, null, null, null, null, null);

    /** @throws IllegalArgumentException for an unknown property, or bounds without a property */
    public Cohort {
        if (property != null && !ImageProperties.NAMES.contains(property)) {
            throw new IllegalArgumentException("unknown property '" + property + "'; the properties are "
                    + ImageProperties.NAMES);
        }
        if (property == null && (min != null || max != null)) {
            throw new IllegalArgumentException("min and max bound a property: name it with 'property'");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
    }

    /** @return the images of one label */
    public static Cohort ofLabel(String label) {
        return new Cohort(label, null, null, null, null, null);
    }

    /** @return the images that carry a tag */
    public static Cohort ofTag(String tag) {
        return new Cohort(null, null, tag, null, null, null);
    }

    /** @return whether selecting these images needs their labels */
    @JsonIgnore
    public boolean needsLabels() {
        return label != null;
    }

    /** @return the same selection as the audit's cohort type (a range's upper bound included) */
    public dev.limelight.audit.slices.Cohort compile() {
        List<dev.limelight.audit.slices.Cohort> parts = new ArrayList<>();
        if (label != null) {
            parts.add(new OfLabel(label));
        }
        if (predicted != null) {
            parts.add(new OfPrediction(predicted));
        }
        if (tag != null) {
            parts.add(new OfTag(tag));
        }
        if (property != null) {
            parts.add(new InRange(property, min == null ? Double.NEGATIVE_INFINITY : min,
                    max == null ? Double.POSITIVE_INFINITY : Math.nextUp(max)));
        }
        return parts.stream().reduce(Both::new).orElseGet(All::new);
    }

    /** @return the cohort in words */
    public String describe() {
        return compile().description();
    }
}
