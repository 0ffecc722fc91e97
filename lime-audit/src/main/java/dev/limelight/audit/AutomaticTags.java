package dev.limelight.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Gives every audited image the automatic tags of {@link TagRules}: from its prediction against its
 * label, from near-duplicates in the folder, and from its properties relative to the folder's.
 */
public final class AutomaticTags {

    /** The tag names, in the order they are given. */
    public static final List<String> NAMES = List.of("mistake", "confident-mistake", "low-confidence", "ambiguous",
            "potential-mislabel", "outlier", "near-duplicate", "cross-class-duplicate", "dark", "bright",
            "low-contrast", "blurry", "small");

    /**
     * The tags the model's own answer or representation defines (its errors, its confidence, its
     * embedding): a cohort of them is weak by construction.
     */
    public static final Set<String> MODEL_DEFINED = Set.of("mistake", "confident-mistake", "low-confidence",
            "ambiguous", "potential-mislabel", "outlier");

    private final TagRules rules;

    /** @param rules the thresholds */
    public AutomaticTags(TagRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param labels       each image's label (class index)
     * @param observations each image's observation, in the same order
     * @return each image's tags, in the order of {@link #NAMES}
     */
    public List<List<String>> tag(int[] labels, List<ImageObservation> observations) {
        int n = observations.size();
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " observations");
        }
        List<Set<String>> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags.add(predictionTags(labels[i], observations.get(i).probabilities()));
        }
        duplicates(labels, observations, tags);
        if (observations.stream().allMatch(ImageObservation::hasEmbedding)) {
            float[][] unit = observations.stream().map(o -> unit(o.embedding())).toArray(float[][]::new);
            outliers(labels, unit, tags);
            confirmMislabels(labels, observations, unit, tags);
        }
        double[] brightness = values(observations, o -> o.properties().brightness());
        double[] contrast = values(observations, o -> o.properties().contrast());
        double[] sharpness = values(observations, o -> o.properties().sharpness());
        double[] logSharpness = Arrays.stream(sharpness).map(Math::log1p).toArray();
        tagBeyond(brightness, brightness, -1, "dark", tags);
        tagBeyond(brightness, brightness, 1, "bright", tags);
        tagBeyond(contrast, contrast, -1, "low-contrast", tags);
        tagBeyond(logSharpness, sharpness, -1, "blurry", tags);
        double[] sides = observations.stream()
                .mapToDouble(o -> Math.min(o.properties().width(), o.properties().height())).toArray();
        double medianSide = new Median().evaluate(sides);
        for (int i = 0; i < n; i++) {
            if (sides[i] <= rules.smallSide() * medianSide) {
                tags.get(i).add("small");
            }
        }
        List<List<String>> ordered = new ArrayList<>(n);
        for (Set<String> set : tags) {
            ordered.add(NAMES.stream().filter(set::contains).toList());
        }
        return ordered;
    }

    private Set<String> predictionTags(int label, double[] p) {
        Set<String> tags = new LinkedHashSet<>();
        int predicted = AuditWorker.argMax(p);
        double confidence = p[predicted];
        boolean mistake = predicted != label;
        if (mistake) {
            tags.add("mistake");
            if (confidence >= rules.confidentMistake()) {
                tags.add("confident-mistake");
            }
            if (confidence >= rules.mislabelConfidence() && p[label] <= rules.mislabelLabelProbability()) {
                tags.add("potential-mislabel");
            }
        }
        if (confidence < rules.lowConfidence()) {
            tags.add("low-confidence");
        }
        if (margin(p) < rules.ambiguousMargin()) {
            tags.add("ambiguous");
        }
        return tags;
    }

    /** Tags the images far from their label's mean embedding. */
    private void outliers(int[] labels, float[][] unit, List<Set<String>> tags) {
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(i);
        }
        for (List<Integer> members : byLabel.values()) {
            if (members.size() < 10) {
                continue;
            }
            double[] mean = new double[unit[members.get(0)].length];
            for (int i : members) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += unit[i][d];
                }
            }
            double norm = Math.sqrt(Arrays.stream(mean).map(v -> v * v).sum());
            double[] distance = new double[members.size()];
            for (int k = 0; k < members.size(); k++) {
                double dot = 0;
                for (int d = 0; d < mean.length; d++) {
                    dot += unit[members.get(k)][d] * mean[d];
                }
                distance[k] = 1 - (norm > 0 ? dot / norm : 0);
            }
            double median = new Median().evaluate(distance);
            double[] deviations = Arrays.stream(distance).map(v -> Math.abs(v - median)).toArray();
            double scale = 1.4826 * new Median().evaluate(deviations);
            if (!(scale > 0)) {
                continue;
            }
            for (int k = 0; k < members.size(); k++) {
                if ((distance[k] - median) / scale >= rules.outlierZ()) {
                    tags.get(members.get(k)).add("outlier");
                }
            }
        }
    }

    /**
     * Keeps the potential-mislabel tag only where most of the image's nearest neighbours in the
     * embedding carry the predicted class as their label (and fewer carry the image's own label).
     */
    private void confirmMislabels(int[] labels, List<ImageObservation> observations, float[][] unit,
                                  List<Set<String>> tags) {
        int k = rules.mislabelNeighbours();
        for (int i = 0; i < labels.length; i++) {
            if (!tags.get(i).contains("potential-mislabel")) {
                continue;
            }
            int predicted = AuditWorker.argMax(observations.get(i).probabilities());
            double[] similarity = new double[labels.length];
            for (int j = 0; j < labels.length; j++) {
                double dot = 0;
                for (int d = 0; d < unit[i].length; d++) {
                    dot += unit[i][d] * unit[j][d];
                }
                similarity[j] = j == i ? Double.NEGATIVE_INFINITY : dot;
            }
            int[] nearest = mostSimilar(similarity, k);
            int label = labels[i];
            long votes = Arrays.stream(nearest).filter(j -> labels[j] == predicted).count();
            long own = Arrays.stream(nearest).filter(j -> labels[j] == label).count();
            if (!(votes > k / 2.0 && votes > own)) {
                tags.get(i).remove("potential-mislabel");
            }
        }
    }

    /** @return the indices of the {@code k} largest values, largest first (a partial insertion sort) */
    private static int[] mostSimilar(double[] values, int k) {
        int[] top = new int[Math.min(k, values.length)];
        int filled = 0;
        for (int j = 0; j < values.length; j++) {
            if (filled == top.length && values[j] <= values[top[filled - 1]]) {
                continue;
            }
            int at = filled < top.length ? filled++ : filled - 1;
            while (at > 0 && values[top[at - 1]] < values[j]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = j;
        }
        return Arrays.copyOf(top, filled);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] u = v.clone();
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < u.length; d++) {
                u[d] *= scale;
            }
        }
        return u;
    }

    /** @return the top probability minus the second (the top one for a single output) */
    public static double margin(double[] p) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return p.length == 1 ? first : first - second;
    }

    /**
     * Finds the near-duplicate pairs without comparing every pair. A root mean square difference is
     * never below a quarter of the Euclidean distance of the 16 block means
     * ({@link Thumbnail#blockMeans()}), so the block-mean vectors of near-duplicates lie within
     * {@code 4 x} {@link Thumbnail#DUPLICATE_RMS} of each other, and so do their projections on any
     * unit vector. Images are put in cells of that width by three such projections (the overall
     * level, left against right, top against bottom: orthonormal Haar directions, which spread images
     * widely), and each is compared only with the images of its own and the 26 neighbouring cells:
     * first by the block distance, then by hash and pixels. No near-duplicate is missed, and almost
     * no pair is looked at pixel by pixel.
     */
    private static void duplicates(int[] labels, List<ImageObservation> observations, List<Set<String>> tags) {
        int n = observations.size();
        Thumbnail[] thumbnails = observations.stream().map(ImageObservation::thumbnail).toArray(Thumbnail[]::new);
        double[][] blocks = Arrays.stream(thumbnails).map(Thumbnail::blockMeans).toArray(double[][]::new);
        double width = 4 * Thumbnail.DUPLICATE_RMS;
        double blockLimit = 16 * Thumbnail.DUPLICATE_RMS * Thumbnail.DUPLICATE_RMS;
        Map<Long, List<Integer>> cells = new HashMap<>();
        long[][] keys = new long[n][];
        for (int i = 0; i < n; i++) {
            long[] key = new long[3];
            double level = 0;
            double leftRight = 0;
            double topBottom = 0;
            for (int b = 0; b < 16; b++) {
                level += blocks[i][b];
                leftRight += b % 4 < 2 ? blocks[i][b] : -blocks[i][b];
                topBottom += b / 4 < 2 ? blocks[i][b] : -blocks[i][b];
            }
            // each direction has 16 entries of +-1/4: unit length
            double[] projections = {level / 4, leftRight / 4, topBottom / 4};
            for (int q = 0; q < 3; q++) {
                key[q] = (long) Math.floor(projections[q] / width);
            }
            keys[i] = key;
            cells.computeIfAbsent(cell(key[0], key[1], key[2]), c -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < n; i++) {
            for (long d0 = -1; d0 <= 1; d0++) {
                for (long d1 = -1; d1 <= 1; d1++) {
                    for (long d2 = -1; d2 <= 1; d2++) {
                        List<Integer> near = cells.get(cell(keys[i][0] + d0, keys[i][1] + d1, keys[i][2] + d2));
                        if (near == null) {
                            continue;
                        }
                        for (int j : near) {
                            if (j > i && closeBlocks(blocks[i], blocks[j], blockLimit)
                                    && thumbnails[i].nearDuplicateOf(thumbnails[j])) {
                                tags.get(i).add("near-duplicate");
                                tags.get(j).add("near-duplicate");
                                if (labels[i] != labels[j]) {
                                    tags.get(i).add("cross-class-duplicate");
                                    tags.get(j).add("cross-class-duplicate");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean closeBlocks(double[] a, double[] b, double limit) {
        double sum = 0;
        for (int k = 0; k < a.length && sum <= limit; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum <= limit;
    }

    private static long cell(long a, long b, long c) {
        return (a * 1_000_003L + b) * 1_000_003L + c;
    }

    private static double[] values(List<ImageObservation> observations, ToDoubleFunction<ImageObservation> property) {
        return observations.stream().mapToDouble(property).toArray();
    }

    /**
     * Tags the images whose {@code scored} value lies {@code propertyZ} robust deviations beyond its
     * median on one side, and whose {@code raw} value differs from its median by at least
     * {@code propertyChange} of it.
     */
    private void tagBeyond(double[] scored, double[] raw, int side, String tag, List<Set<String>> tags) {
        double median = new Median().evaluate(scored);
        double rawMedian = new Median().evaluate(raw);
        double[] deviations = new double[scored.length];
        for (int i = 0; i < scored.length; i++) {
            deviations[i] = Math.abs(scored[i] - median);
        }
        double scale = 1.4826 * new Median().evaluate(deviations);
        if (!(scale > 0)) {
            scale = new StandardDeviation(false).evaluate(scored);
        }
        if (!(scale > 0)) {
            return;
        }
        for (int i = 0; i < scored.length; i++) {
            boolean far = side * (scored[i] - median) / scale >= rules.propertyZ();
            boolean changed = side * (raw[i] - rawMedian) >= rules.propertyChange() * Math.abs(rawMedian);
            if (far && changed) {
                tags.get(i).add(tag);
            }
        }
    }
}
