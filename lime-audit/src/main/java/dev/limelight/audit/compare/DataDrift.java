package dev.limelight.audit.compare;

import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageObservation;
import dev.limelight.audit.ImageProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Are the new images like the reference ones? Two-sample tests over what the model's runs measured
 * of each image: every image property and the model's confidence (Kolmogorov-Smirnov), the
 * predicted-class distribution (chi-square), and, when the model gives embeddings, the
 * penultimate-layer activations (maximum mean discrepancy with a Gaussian kernel, median-distance
 * bandwidth, p-value from {@value #PERMUTATIONS} seeded label permutations of up to
 * {@value #MMD_SAMPLE} images a side). The new images least like the reference are listed: those
 * whose nearest reference embeddings (cosine, {@value #NEIGHBOURS} nearest) are farthest, or, without
 * embeddings, whose properties lie farthest from the reference's (robust z-scores).
 *
 * @param tests     by quantity ({@link ImageProperties#NAMES}, {@code confidence}, {@code predictedClass},
 *                  {@code embedding}), each with its statistic and p-value
 * @param leastLike the new images least like the reference, least like first
 */
public record DataDrift(Map<String, DriftTest> tests, List<Outlier> leastLike) {

    /** Permutations of the embedding test. */
    public static final int PERMUTATIONS = 200;
    /** Images a side the embedding test uses at most (a seeded sample). */
    public static final int MMD_SAMPLE = 300;
    /** Reference neighbours a new image is compared with. */
    public static final int NEIGHBOURS = 5;
    /** The new images listed. */
    public static final int LISTED = 20;

    /** Copies the map and the list. */
    public DataDrift {
        tests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tests));
        leastLike = List.copyOf(leastLike);
    }

    /**
     * @param path  a new image
     * @param score how unlike the reference it is (larger: less alike)
     */
    public record Outlier(String path, double score) {
    }

    /**
     * @param reference the model's run over the reference images
     * @param current   the same model's run over the new images
     * @param seed      the seed of the embedding test's samples and permutations
     * @return the tests
     */
    public static DataDrift of(ModelRun reference, ModelRun current, long seed) {
        Map<String, DriftTest> tests = new LinkedHashMap<>();
        for (String property : ImageProperties.NAMES) {
            tests.put(property, ks(reference.rows(), current.rows(), r -> r.properties().get(property)));
        }
        tests.put("confidence", ks(reference.rows(), current.rows(), AuditRow::confidence));
        tests.put("predictedClass", predictedClasses(reference, current));
        boolean embeddings = reference.observations().stream().allMatch(ImageObservation::hasEmbedding)
                && current.observations().stream().allMatch(ImageObservation::hasEmbedding);
        if (embeddings) {
            tests.put("embedding", mmd(embeddings(reference), embeddings(current), seed));
        }
        return new DataDrift(tests, embeddings ? leastLikeByEmbedding(reference, current)
                : leastLikeByProperties(reference, current));
    }

    /** @return the test of one quantity */
    public DriftTest test(String quantity) {
        return tests.get(quantity);
    }

    private static DriftTest ks(List<AuditRow> x, List<AuditRow> y, ToDoubleFunction<AuditRow> value) {
        double[] a = x.stream().mapToDouble(value).toArray();
        double[] b = y.stream().mapToDouble(value).toArray();
        double mean = Arrays.stream(a).average().orElse(Double.NaN);
        double now = Arrays.stream(b).average().orElse(Double.NaN);
        if (Arrays.stream(a).distinct().count() == 1 && Arrays.stream(b).distinct().count() == 1 && a[0] == b[0]) {
            return new DriftTest("kolmogorov-smirnov", 0, 1, mean, now);
        }
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        // the exact p-value is 1 - cdf, which rounding can take a little below 0
        double p = Math.max(0, Math.min(1, test.kolmogorovSmirnovTest(a, b)));
        return new DriftTest("kolmogorov-smirnov", test.kolmogorovSmirnovStatistic(a, b), p, mean, now);
    }

    private static DriftTest predictedClasses(ModelRun reference, ModelRun current) {
        List<String> classes = reference.folder().classes();
        long[] a = new long[classes.size()];
        long[] b = new long[classes.size()];
        reference.rows().forEach(r -> a[classes.indexOf(r.predicted())]++);
        current.rows().forEach(r -> b[classes.indexOf(r.predicted())]++);
        List<Integer> seen = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (a[c] + b[c] > 0) {
                seen.add(c);
            }
        }
        if (seen.size() < 2) {
            return new DriftTest("chi-square", 0, 1, Double.NaN, Double.NaN);
        }
        long[] x = seen.stream().mapToLong(c -> a[c]).toArray();
        long[] y = seen.stream().mapToLong(c -> b[c]).toArray();
        ChiSquareTest test = new ChiSquareTest();
        return new DriftTest("chi-square", test.chiSquareDataSetsComparison(x, y),
                test.chiSquareTestDataSetsComparison(x, y), Double.NaN, Double.NaN);
    }

    private static float[][] embeddings(ModelRun run) {
        return run.observations().stream().map(ImageObservation::embedding).toArray(float[][]::new);
    }

    /** Squared MMD with a Gaussian kernel and its permutation p-value. */
    static DriftTest mmd(float[][] x, float[][] y, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] a = sample(x, random);
        float[][] b = sample(y, random);
        float[][] all = new float[a.length + b.length][];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        int n = all.length;
        double[][] d2 = new double[n][n];
        List<Double> distances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < all[i].length; k++) {
                    double t = all[i][k] - all[j][k];
                    s += t * t;
                }
                d2[i][j] = s;
                d2[j][i] = s;
                distances.add(s);
            }
        }
        double[] sorted = distances.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double bandwidth = sorted.length == 0 ? 1 : Math.max(1e-12, sorted[sorted.length / 2]);
        double[][] kernel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kernel[i][j] = Math.exp(-d2[i][j] / bandwidth);
            }
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        double observed = mmd2(kernel, order, a.length);
        int atLeast = 0;
        for (int p = 0; p < PERMUTATIONS; p++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            if (mmd2(kernel, order, a.length) >= observed) {
                atLeast++;
            }
        }
        return new DriftTest("mmd-permutation", observed, (1.0 + atLeast) / (1.0 + PERMUTATIONS), Double.NaN,
                Double.NaN);
    }

    private static float[][] sample(float[][] rows, SplittableRandom random) {
        if (rows.length <= MMD_SAMPLE) {
            return rows;
        }
        int[] index = new int[rows.length];
        Arrays.setAll(index, i -> i);
        for (int i = 0; i < MMD_SAMPLE; i++) {
            int j = i + random.nextInt(rows.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        float[][] out = new float[MMD_SAMPLE][];
        for (int i = 0; i < MMD_SAMPLE; i++) {
            out[i] = rows[index[i]];
        }
        return out;
    }

    /** The biased squared MMD of the first {@code m} indices of {@code order} against the rest. */
    private static double mmd2(double[][] kernel, int[] order, int m) {
        int n = order.length;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double k = kernel[order[i]][order[j]];
                if (i < m && j < m) {
                    xx += k;
                } else if (i >= m && j >= m) {
                    yy += k;
                } else {
                    xy += k;
                }
            }
        }
        int r = n - m;
        return xx / ((double) m * m) + yy / ((double) r * r) - xy / ((double) m * r);
    }

    private static List<Outlier> leastLikeByEmbedding(ModelRun reference, ModelRun current) {
        float[][] ref = unit(embeddings(reference));
        float[][] now = unit(embeddings(current));
        List<Outlier> all = new ArrayList<>();
        for (int i = 0; i < now.length; i++) {
            double[] similarity = new double[ref.length];
            for (int j = 0; j < ref.length; j++) {
                double s = 0;
                for (int k = 0; k < now[i].length; k++) {
                    s += now[i][k] * ref[j][k];
                }
                similarity[j] = s;
            }
            Arrays.sort(similarity);
            double mean = 0;
            int k = Math.min(NEIGHBOURS, similarity.length);
            for (int t = 0; t < k; t++) {
                mean += (1 - similarity[similarity.length - 1 - t]) / k;
            }
            all.add(new Outlier(current.rows().get(i).path(), mean));
        }
        return top(all);
    }

    private static List<Outlier> leastLikeByProperties(ModelRun reference, ModelRun current) {
        int p = ImageProperties.NAMES.size();
        double[] median = new double[p];
        double[] spread = new double[p];
        for (int k = 0; k < p; k++) {
            String name = ImageProperties.NAMES.get(k);
            double[] v = reference.rows().stream().mapToDouble(r -> r.properties().get(name)).sorted().toArray();
            median[k] = v[v.length / 2];
            double m = median[k];
            double[] abs = Arrays.stream(v).map(x -> Math.abs(x - m)).sorted().toArray();
            spread[k] = Math.max(1e-9, 1.4826 * abs[abs.length / 2]);
        }
        List<Outlier> all = new ArrayList<>();
        for (AuditRow row : current.rows()) {
            double worst = 0;
            for (int k = 0; k < p; k++) {
                worst = Math.max(worst, Math.abs(row.properties().get(ImageProperties.NAMES.get(k)) - median[k])
                        / spread[k]);
            }
            all.add(new Outlier(row.path(), worst));
        }
        return top(all);
    }

    private static float[][] unit(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = 0;
            for (float v : rows[i]) {
                norm += v * v;
            }
            double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
            out[i] = new float[rows[i].length];
            for (int k = 0; k < rows[i].length; k++) {
                out[i][k] = (float) (rows[i][k] * scale);
            }
        }
        return out;
    }

    private static List<Outlier> top(List<Outlier> all) {
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        return all.subList(0, Math.min(LISTED, all.size()));
    }
}
