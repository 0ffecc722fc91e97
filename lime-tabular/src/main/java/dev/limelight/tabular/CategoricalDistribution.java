package dev.limelight.tabular;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A categorical column's training frequencies. A perturbed row keeps the explained row's category
 * with the training share of that category, and otherwise takes another category drawn with the
 * training frequencies: the same distribution as the reference's draw of every category with its
 * frequency.
 *
 * @param name       the column's name
 * @param categories the categories, in the schema's order
 * @param counts     training rows per category
 */
public record CategoricalDistribution(String name, List<String> categories, long[] counts)
        implements ColumnDistribution {

    /** Checks the counts; copies them. */
    public CategoricalDistribution {
        categories = List.copyOf(categories);
        counts = counts.clone();
        if (counts.length != categories.size()) {
            throw new IllegalArgumentException(name + ": " + counts.length + " counts for " + categories.size()
                    + " categories");
        }
    }

    /**
     * @param name       the column's name
     * @param categories its categories
     * @param values     the training rows' category indices
     * @return the distribution
     */
    public static CategoricalDistribution fit(String name, List<String> categories, double[] values) {
        long[] counts = new long[categories.size()];
        for (double v : values) {
            counts[(int) v]++;
        }
        return new CategoricalDistribution(name, categories, counts);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public String condition(double value) {
        return name + " = " + category(value);
    }

    @Override
    public double keepProbability(double value) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total == 0 ? 0 : counts[index(value)] / (double) total;
    }

    @Override
    public double draw(double original, boolean kept, SplittableRandom random) {
        if (kept) {
            return original;
        }
        return ColumnDistribution.drawExcept(counts, index(original), random);
    }

    private String category(double value) {
        return categories.get(index(value));
    }

    private int index(double value) {
        int index = (int) value;
        if (index != value || index < 0 || index >= categories.size()) {
            throw new IllegalArgumentException("'" + name + "' has " + categories.size() + " categories; got index "
                    + value);
        }
        return index;
    }
}
