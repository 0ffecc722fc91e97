package dev.limelight.audit.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditions under which a comparison fails a CI job ({@code --fail-on}): comma-separated
 * {@code NAME OP VALUE}, where NAME is {@code broken} or {@code fixed} (image counts),
 * {@code accuracy-drop} (A's accuracy minus B's) or {@code drift-pvalue} (the smallest p-value of the
 * drift tests), and OP one of {@code < <= > >=}. A rule that holds fails the comparison; e.g.
 * {@code "broken > 5, accuracy-drop > 0.01, drift-pvalue < 0.001"}.
 *
 * @param rules the parsed rules
 */
public record FailOn(List<Rule> rules) {

    private static final Pattern RULE = Pattern.compile("\\s*([a-z-]+)\\s*(<=|>=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)\\s*");

    /** The names a rule can use. */
    public static final List<String> NAMES = List.of("broken", "fixed", "accuracy-drop", "drift-pvalue");

    /** Copies the list. */
    public FailOn {
        rules = List.copyOf(rules);
    }

    /**
     * One condition.
     *
     * @param name     what it measures
     * @param operator {@code <}, {@code <=}, {@code >} or {@code >=}
     * @param value    the bound
     */
    public record Rule(String name, String operator, double value) {

        /** @return whether the measured value meets the condition (and so fails the comparison) */
        public boolean holds(double measured) {
            return switch (operator) {
                case "<" -> measured < value;
                case "<=" -> measured <= value;
                case ">" -> measured > value;
                default -> measured >= value;
            };
        }

        @Override
        public String toString() {
            return name + " " + operator + " " + value;
        }
    }

    /**
     * @param text rules as {@code --fail-on} takes them
     * @throws IllegalArgumentException naming the rule that cannot be read
     */
    public static FailOn parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = RULE.matcher(part);
            if (!m.matches() || !NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException("cannot read the rule '" + part.trim() + "': write NAME OP VALUE "
                        + "with NAME one of " + NAMES + " and OP one of < <= > >=");
            }
            rules.add(new Rule(m.group(1), m.group(2), Double.parseDouble(m.group(3))));
        }
        return new FailOn(rules);
    }

    /**
     * @param comparison what was compared
     * @return the rules that hold, each with its measured value, e.g. {@code "broken > 5.0 (7)"}
     * @throws IllegalArgumentException for a rule about something the comparison did not measure
     */
    public List<String> failures(Comparison comparison) {
        List<String> failed = new ArrayList<>();
        for (Rule rule : rules) {
            double measured = switch (rule.name()) {
                case "broken" -> require(comparison.changed(), rule).broken().size();
                case "fixed" -> require(comparison.changed(), rule).fixed().size();
                case "accuracy-drop" -> {
                    if (comparison.modelA() == null || comparison.modelB() == null) {
                        throw new IllegalArgumentException("the rule '" + rule + "' needs labelled images on both sides");
                    }
                    yield comparison.modelA().accuracy() - comparison.modelB().accuracy();
                }
                default -> {
                    if (comparison.drift() == null) {
                        throw new IllegalArgumentException("the rule '" + rule + "' needs a drift comparison (--data-b)");
                    }
                    yield comparison.smallestDriftPValue();
                }
            };
            if (rule.holds(measured)) {
                failed.add(String.format(Locale.ROOT, "%s (%.4g)", rule, measured));
            }
        }
        return failed;
    }

    private static ModelDiff.Changed require(ModelDiff.Changed changed, Rule rule) {
        if (changed == null) {
            throw new IllegalArgumentException("the rule '" + rule + "' needs a paired model diff (--model-b on one --data)");
        }
        return changed;
    }
}
