package dev.limelight.audit.slices;

import dev.limelight.audit.AuditRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Spectral relevance analysis in the spirit of Lapuschkin et al. ("Unmasking Clever Hans predictors",
 * 2019), with LIME on the audit's shared grid in place of relevance maps: each predicted class's
 * explanations (cell-weight vectors, scaled to unit length) are clustered spectrally: a Gaussian
 * affinity over their distances (width: the median distance), the normalised graph Laplacian, as
 * many clusters as the largest gap among its smallest eigenvalues says (at most
 * {@link #MAX_CLUSTERS}), and k-means++ on the rows of its leading eigenvectors (seeded). A class
 * with fewer than {@link #MIN_MEMBERS} explanations is one cluster.
 *
 * <p>A cluster is <b>flagged</b> as a candidate shortcut when its evidence sits in the same place in
 * every image: at least {@link #MIN_MEMBERS} members, at least {@link #FLAG_SHARE} of its mean
 * positive weight in one cell, that cell the strongest of at least {@link #FLAG_AGREEMENT} of its
 * members, and the cell on the grid's border (objects are mostly centred; a border cell holding the
 * evidence of a whole group is what a watermark, a tag or a background cue looks like).
 */
public final class ExplanationClusters {

    /** The most clusters per class. */
    public static final int MAX_CLUSTERS = 4;

    /** The fewest explanations a class needs to be split, and a cluster to be flagged. */
    public static final int MIN_MEMBERS = 3;

    /** The least share of a flagged cluster's mean positive weight in its top cell. */
    public static final double FLAG_SHARE = 0.4;

    /** The least share of a flagged cluster's members whose strongest cell is its top cell. */
    public static final double FLAG_AGREEMENT = 0.8;

    private ExplanationClusters() {
    }

    /**
     * One explanation to cluster.
     *
     * @param path        the image's path (the cluster's members name these)
     * @param className   the explained class
     * @param cellWeights the explanation's weight of every cell of a grid shared by all the explanations
     */
    public record Explained(String path, String className, double[] cellWeights) {

        /** Copies the weights. */
        public Explained {
            cellWeights = cellWeights.clone();
        }

        @Override
        public double[] cellWeights() {
            return cellWeights.clone();
        }
    }

    /**
     * @param rows    the audit's rows; the explained ones are clustered
     * @param classes the model's class names, for the cluster ids
     * @param seed    the seed of k-means++
     * @return the clusters, by class in model order, then by size
     */
    public static List<ExplanationCluster> of(List<AuditRow> rows, List<String> classes, long seed) {
        return ofExplanations(rows.stream().filter(AuditRow::explained)
                .map(r -> new Explained(r.path(), r.predicted(), r.cellWeights())).toList(), classes, seed);
    }

    /**
     * @param explanations explanations on one grid, each of a class in {@code classes}
     * @param classes      the model's class names, for the cluster ids
     * @param seed         the seed of k-means++
     * @return the clusters, by class in model order, then by size
     * @throws IllegalArgumentException for an explanation of a class not in {@code classes}
     */
    public static List<ExplanationCluster> ofExplanations(List<Explained> explanations, List<String> classes,
                                                          long seed) {
        Map<String, List<Explained>> byClass = new LinkedHashMap<>();
        classes.forEach(c -> byClass.put(c, new ArrayList<>()));
        for (Explained e : explanations) {
            List<Explained> members = byClass.get(e.className());
            if (members == null) {
                throw new IllegalArgumentException("an explanation of '" + e.className() + "', not one of " + classes);
            }
            members.add(e);
        }
        List<ExplanationCluster> clusters = new ArrayList<>();
        for (Map.Entry<String, List<Explained>> entry : byClass.entrySet()) {
            List<Explained> members = entry.getValue();
            if (members.isEmpty()) {
                continue;
            }
            int[] assignment = assign(members, seed);
            int k = Arrays.stream(assignment).max().orElse(0) + 1;
            List<List<Explained>> groups = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                groups.add(new ArrayList<>());
            }
            for (int i = 0; i < members.size(); i++) {
                groups.get(assignment[i]).add(members.get(i));
            }
            groups.removeIf(List::isEmpty);
            groups.sort((a, b) -> b.size() - a.size());
            int classIndex = classes.indexOf(entry.getKey());
            for (int c = 0; c < groups.size(); c++) {
                clusters.add(describe(classIndex + "-" + (c + 1), entry.getKey(), groups.get(c)));
            }
        }
        return clusters;
    }

    private static ExplanationCluster describe(String id, String className, List<Explained> members) {
        int cells = members.get(0).cellWeights().length;
        double[] mean = new double[cells];
        int[] strongest = new int[cells];
        for (Explained r : members) {
            double[] w = r.cellWeights;
            int best = 0;
            for (int c = 0; c < cells; c++) {
                mean[c] += w[c] / members.size();
                if (w[c] > w[best]) {
                    best = c;
                }
            }
            strongest[best]++;
        }
        int top = 0;
        double positive = 0;
        for (int c = 0; c < cells; c++) {
            positive += Math.max(0, mean[c]);
            if (mean[c] > mean[top]) {
                top = c;
            }
        }
        double share = positive > 0 ? Math.max(0, mean[top]) / positive : 0;
        double agreement = (double) strongest[top] / members.size();
        boolean flagged = members.size() >= MIN_MEMBERS && share >= FLAG_SHARE && agreement >= FLAG_AGREEMENT
                && onBorder(top, cells);
        return new ExplanationCluster(id, className, members.stream().map(Explained::path).toList(), mean, top, share,
                agreement, flagged);
    }

    /** Whether a cell of a square grid of {@code cells} cells (row by row) lies on its border. */
    static boolean onBorder(int cell, int cells) {
        int side = (int) Math.round(Math.sqrt(cells));
        if (side * side != cells || side < 3) {
            return true;
        }
        int row = cell / side;
        int column = cell % side;
        return row == 0 || column == 0 || row == side - 1 || column == side - 1;
    }

    /** Spectral clustering of the members' unit-length weight vectors; @return a cluster index per member */
    private static int[] assign(List<Explained> members, long seed) {
        int m = members.size();
        if (m < MIN_MEMBERS + 1) {
            return new int[m];
        }
        double[][] x = members.stream().map(r -> unit(r.cellWeights)).toArray(double[][]::new);
        double[][] distance = new double[m][m];
        List<Double> pairs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double d = 0;
                for (int c = 0; c < x[i].length; c++) {
                    d += (x[i][c] - x[j][c]) * (x[i][c] - x[j][c]);
                }
                distance[i][j] = distance[j][i] = Math.sqrt(d);
                pairs.add(distance[i][j]);
            }
        }
        double width = new Median().evaluate(pairs.stream().mapToDouble(Double::doubleValue).toArray());
        if (!(width > 0)) {
            return new int[m];
        }
        double[][] affinity = new double[m][m];
        double[] degree = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j) {
                    affinity[i][j] = Math.exp(-distance[i][j] * distance[i][j] / (width * width));
                    degree[i] += affinity[i][j];
                }
            }
        }
        double[][] laplacian = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                laplacian[i][j] = (i == j ? 1 : 0) - affinity[i][j] / Math.sqrt(degree[i] * degree[j]);
            }
        }
        RealMatrix l = new Array2DRowRealMatrix(laplacian, false);
        EigenDecomposition eigen = new EigenDecomposition(l);
        double[] values = eigen.getRealEigenvalues().clone();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int k = 1;
        double bestGap = 0;
        // the eigengap: k clusters when the k smallest eigenvalues stand apart from the next one
        for (int c = 1; c <= Math.min(MAX_CLUSTERS, m - 1); c++) {
            double gap = values[order[c]] - values[order[c - 1]];
            if (gap > bestGap) {
                bestGap = gap;
                k = c;
            }
        }
        if (k == 1) {
            return new int[m];
        }
        List<DoublePoint> points = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            double[] row = new double[k];
            for (int c = 0; c < k; c++) {
                row[c] = eigen.getEigenvector(order[c]).getEntry(i);
            }
            points.add(new DoublePoint(unit(row)));
        }
        List<CentroidCluster<DoublePoint>> found = new KMeansPlusPlusClusterer<DoublePoint>(k, 100,
                new org.apache.commons.math3.ml.distance.EuclideanDistance(), new MersenneTwister(seed)).cluster(points);
        int[] assignment = new int[m];
        for (int c = 0; c < found.size(); c++) {
            for (DoublePoint p : found.get(c).getPoints()) {
                assignment[indexOf(points, p)] = c;
            }
        }
        return assignment;
    }

    private static int indexOf(List<DoublePoint> points, DoublePoint p) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) == p) {
                return i;
            }
        }
        throw new IllegalStateException("a clustered point that was not given");
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
        return norm == 0 ? v.clone() : Arrays.stream(v).map(a -> a / norm).toArray();
    }
}
