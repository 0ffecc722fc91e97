package dev.limelight.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wall time per stage of one explanation, in milliseconds, in the order the stages ran. Each
 * explainer names its own stages: an image explanation's are {@code prepare, segment, masks, score,
 * fit, trust}, a text explanation's {@code tokenize, perturb, score, fit, trust}; {@code score} is
 * always the model's calls for the explanation's own samples, {@code fit} the K-Lasso fits and
 * {@code trust} the trust measures, their model calls included. Immutable.
 */
public final class StageTimings {

    private final Map<String, Double> millis;

    private StageTimings(Map<String, Double> millis) {
        this.millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    /** @return a builder to which stages are added in the order they ran */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the stage names, in order */
    public List<String> stages() {
        return List.copyOf(millis.keySet());
    }

    /**
     * @param stage a stage name
     * @return its milliseconds
     * @throws IllegalArgumentException if there is no such stage
     */
    public double millis(String stage) {
        Double value = millis.get(stage);
        if (value == null) {
            throw new IllegalArgumentException("no stage '" + stage + "'; the stages are " + millis.keySet());
        }
        return value;
    }

    /** @return the sum of the stages */
    public double totalMillis() {
        return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** @return stage name to milliseconds, in order, with "total" last */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>(millis);
        map.put("total", totalMillis());
        return map;
    }

    @Override
    public String toString() {
        return millis.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Adds stages in order. */
    public static final class Builder {
        private final Map<String, Double> millis = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param stage  the stage's name, new
         * @param millis its wall time, finite and &gt;= 0
         * @return this builder
         */
        public Builder stage(String stage, double millis) {
            if (!(millis >= 0) || !Double.isFinite(millis)) {
                throw new IllegalArgumentException("stage '" + stage + "' took " + millis + " ms");
            }
            if (this.millis.putIfAbsent(stage, millis) != null) {
                throw new IllegalArgumentException("stage '" + stage + "' is given twice");
            }
            return this;
        }

        /** @return the timings */
        public StageTimings build() {
            return new StageTimings(millis);
        }
    }
}
