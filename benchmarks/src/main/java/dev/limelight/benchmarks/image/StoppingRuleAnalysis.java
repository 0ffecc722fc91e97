package dev.limelight.benchmarks.image;

import dev.limelight.core.trust.Stability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges the adaptive stopping rule offline, from the trajectories {@link AdaptiveSamplingStudy}
 * writes (no model needed). For each photo and sample count n it sets the agreement across seeds of
 * the top-5 at n (the truth the rule tries to predict) beside the mean bootstrap agreement the rule
 * sees at n; then, for each threshold, where the rule stops (median over seeds) and the agreement
 * across seeds of the sets it stops with.
 *
 * <p>Run: {@code benchmarks/run dev.limelight.benchmarks.image.StoppingRuleAnalysis
 * out/studies/adaptive-trajectories.csv}.
 */
public final class StoppingRuleAnalysis {

    private record Point(int n, double bootstrap, Set<Integer> top) {
    }

    private StoppingRuleAnalysis() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Map<Long, List<Point>>> photos = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0])).subList(1, Files.readAllLines(Path.of(args[0])).size())) {
            String[] f = line.split(",", -1);
            Set<Integer> top = new HashSet<>();
            for (String s : f[4].trim().split(" ")) {
                top.add(Integer.parseInt(s));
            }
            photos.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(Long.parseLong(f[1]),
                    k -> new ArrayList<>()).add(new Point(Integer.parseInt(f[2]),
                    f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), top));
        }
        int budget = photos.values().stream().flatMap(seeds -> seeds.values().stream()).flatMap(List::stream)
                .mapToInt(Point::n).max().orElseThrow();
        System.out.println("Agreement across seeds of the top-5 at n (truth) / mean bootstrap agreement at n (rule):");
        System.out.printf(Locale.ROOT, "%-20s", "photo");
        for (int n = 100; n <= budget; n += 100) {
            System.out.printf(Locale.ROOT, "%12d", n);
        }
        System.out.println();
        for (var photo : photos.entrySet()) {
            System.out.printf(Locale.ROOT, "%-20s", photo.getKey());
            for (int n = 100; n <= budget; n += 100) {
                List<Set<Integer>> tops = new ArrayList<>();
                double bootstrap = 0;
                int counted = 0;
                for (List<Point> seed : photo.getValue().values()) {
                    for (Point p : seed) {
                        if (p.n() == n) {
                            tops.add(p.top());
                            if (!Double.isNaN(p.bootstrap())) {
                                bootstrap += p.bootstrap();
                                counted++;
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%12s", String.format(Locale.ROOT, "%.2f/%s",
                        Stability.meanPairwiseJaccard(tops), counted == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                                bootstrap / counted)));
            }
            System.out.println();
        }
        System.out.println();
        System.out.println("Stop at the first n >= 200 whose bootstrap agreement reaches t (else " + budget + "):");
        System.out.printf(Locale.ROOT, "%-6s %-20s %14s %22s%n", "t", "photo", "median stop", "agreement across seeds");
        for (double t : new double[] {0.6, 0.7, 0.8, 0.9}) {
            List<Double> medians = new ArrayList<>();
            List<Double> agreements = new ArrayList<>();
            for (var photo : photos.entrySet()) {
                List<Set<Integer>> finals = new ArrayList<>();
                List<Integer> stops = new ArrayList<>();
                for (List<Point> seed : photo.getValue().values()) {
                    TreeMap<Integer, Point> byN = new TreeMap<>();
                    seed.forEach(p -> byN.put(p.n(), p));
                    int stop = budget;
                    for (Point p : byN.values()) {
                        if (p.n() >= 200 && !Double.isNaN(p.bootstrap()) && p.bootstrap() >= t) {
                            stop = p.n();
                            break;
                        }
                    }
                    stops.add(stop);
                    finals.add(byN.get(stop).top());
                }
                double median = median(stops.stream().mapToDouble(Integer::doubleValue).toArray());
                double agreement = Stability.meanPairwiseJaccard(finals);
                medians.add(median);
                agreements.add(agreement);
                System.out.printf(Locale.ROOT, "%-6.2f %-20s %14.0f %22.3f   %s%n", t, photo.getKey(), median, agreement,
                        stops);
            }
            System.out.printf(Locale.ROOT, "%-6.2f %-20s %14.0f %22.3f%n%n", t, "median over photos",
                    median(medians.stream().mapToDouble(Double::doubleValue).toArray()),
                    median(agreements.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
