package dev.limelight.audit.slices;

import dev.limelight.audit.AuditRow;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A group of audit rows named by what they share: a label, a predicted class, a tag, a range of an
 * image property, or two of these at once. Immutable; {@link #description()} is how reports name it.
 */
public sealed interface Cohort extends Predicate<AuditRow> {

    /** @return the cohort in words, e.g. {@code label = shirt and sharpness < 210} */
    String description();

    /** @return whether this cohort is defined by the label alone (its accuracy gap is a per-class gap) */
    default boolean isClass() {
        return false;
    }

    /** Every row. */
    record All() implements Cohort {
        @Override
        public boolean test(AuditRow row) {
            return true;
        }

        @Override
        public String description() {
            return "all images";
        }
    }

    /** The rows the model predicts as one class (whatever their label, and with none). */
    record OfPrediction(String predicted) implements Cohort {
        /** Checks the class. */
        public OfPrediction {
            Objects.requireNonNull(predicted, "predicted");
        }

        @Override
        public boolean test(AuditRow row) {
            return row.predicted().equals(predicted);
        }

        @Override
        public String description() {
            return "predicted = " + predicted;
        }
    }

    /** The rows of one label. */
    record OfLabel(String label) implements Cohort {
        /** Checks the label. */
        public OfLabel {
            Objects.requireNonNull(label, "label");
        }

        @Override
        public boolean test(AuditRow row) {
            return label.equals(row.label());
        }

        @Override
        public String description() {
            return "label = " + label;
        }

        @Override
        public boolean isClass() {
            return true;
        }
    }

    /** The rows that carry a tag. */
    record OfTag(String tag) implements Cohort {
        /** Checks the tag. */
        public OfTag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public boolean test(AuditRow row) {
            return row.hasTag(tag);
        }

        @Override
        public String description() {
            return "tag = " + tag;
        }
    }

    /**
     * The rows whose property lies in {@code [low, high)}; an infinite bound is open.
     *
     * @param property one of {@link dev.limelight.audit.ImageProperties#NAMES}
     * @param low      the lower bound, included (or -infinity)
     * @param high     the upper bound, excluded (or +infinity)
     */
    record InRange(String property, double low, double high) implements Cohort {
        /** Checks the bounds. */
        public InRange {
            Objects.requireNonNull(property, "property");
            if (!(low < high)) {
                throw new IllegalArgumentException("empty range [" + low + ", " + high + ") of " + property);
            }
        }

        @Override
        public boolean test(AuditRow row) {
            double v = row.properties().get(property);
            return v >= low && v < high;
        }

        @Override
        public String description() {
            if (low == Double.NEGATIVE_INFINITY) {
                return property + " < " + format(high);
            }
            if (high == Double.POSITIVE_INFINITY) {
                return property + " >= " + format(low);
            }
            return format(low) + " <= " + property + " < " + format(high);
        }

        private static String format(double v) {
            return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.3g", v);
        }
    }

    /** The rows in both cohorts. */
    record Both(Cohort first, Cohort second) implements Cohort {
        /** Checks the parts. */
        public Both {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public boolean test(AuditRow row) {
            return first.test(row) && second.test(row);
        }

        @Override
        public String description() {
            return first.description() + " and " + second.description();
        }
    }
}
