package dev.limelight.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spreads an audit's tasks over partitions by their cost: an explanation costs as many model inputs
 * as its samples (times its stability runs), a classification one. Tasks are placed largest first,
 * each on the partition with the least cost so far (ties: the lowest partition), then kept in index
 * order within a partition. Explained images, which dominate the work, thus spread evenly.
 */
final class TaskPlan {

    private TaskPlan() {
    }

    /**
     * @param tasks           the tasks
     * @param partitions      how many partitions, at least 1 (fewer are returned if there are fewer tasks)
     * @param explanationCost the cost of an explanation in model inputs
     * @return one list of tasks per partition, none empty
     */
    static List<List<AuditTask>> partition(List<AuditTask> tasks, int partitions, long explanationCost) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        int p = Math.max(1, Math.min(partitions, tasks.size()));
        List<List<AuditTask>> slices = new ArrayList<>();
        long[] cost = new long[p];
        for (int i = 0; i < p; i++) {
            slices.add(new ArrayList<>());
        }
        List<AuditTask> byCost = new ArrayList<>(tasks);
        byCost.sort(Comparator.comparing((AuditTask t) -> !t.explain()).thenComparingInt(AuditTask::index));
        for (AuditTask t : byCost) {
            int least = 0;
            for (int i = 1; i < p; i++) {
                if (cost[i] < cost[least]) {
                    least = i;
                }
            }
            slices.get(least).add(t);
            cost[least] += t.explain() ? explanationCost + 1 : 1;
        }
        slices.forEach(s -> s.sort(Comparator.comparingInt(AuditTask::index)));
        slices.removeIf(List::isEmpty);
        return slices;
    }
}
