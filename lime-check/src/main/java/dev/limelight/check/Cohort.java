package dev.limelight.check;

import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The images a check looks at: all of them, or those with a label, a tag, and a property in
 * {@code [min, max]}; the parts given must all hold. In a suite file: {@code cohort: {label: Shirt,
 * property: brightness, max: 60}}.
 *
 * @param label    the label the images have, or null for any
 * @param tag      a tag they carry (automatic or the user's), or null for any
 * @param property an image property ({@link ImageProperties#NAMES}) bounded by {@code min} / {@code max}, or null
 * @param min      the property's least value, or null
 * @param max      the property's greatest value, or null
 */
public record Cohort(String label, String tag, String property, Double min, Double max) {

    /** Every image. */
    public static final Cohort ALL = new Cohort(null, null, null, null, null);

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

    /** @return whether the row belongs to the cohort */
    public boolean contains(AuditRow row) {
        if (label != null && !label.equals(row.label())) {
            return false;
        }
        if (tag != null && !row.hasTag(tag)) {
            return false;
        }
        if (property != null) {
            double v = row.properties().get(property);
            return (min == null || v >= min) && (max == null || v <= max);
        }
        return true;
    }

    /** @return the cohort in words */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (label != null) {
            parts.add("label " + label);
        }
        if (tag != null) {
            parts.add("tag " + tag);
        }
        if (property != null) {
            parts.add(property + " in [" + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max) + "]");
        }
        return parts.isEmpty() ? "all images" : String.join(", ", parts);
    }
}
