package dev.limelight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPlanTest {

    private static List<AuditTask> tasks(int n, int everyExplained) {
        List<AuditTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(new AuditTask(i, "/x/" + i + ".png", "c", 0, i % everyExplained == 0));
        }
        return tasks;
    }

    @Test
    void explanationsAreSpreadEvenlyAndEveryTaskIsPlacedOnce() {
        List<List<AuditTask>> slices = TaskPlan.partition(tasks(100, 10), 3, 300);
        assertEquals(3, slices.size());
        assertEquals(100, slices.stream().mapToInt(List::size).sum());
        List<Long> explained = slices.stream().map(s -> s.stream().filter(AuditTask::explain).count()).toList();
        assertEquals(10, explained.stream().mapToLong(Long::longValue).sum());
        explained.forEach(e -> assertEquals(true, e == 3 || e == 4, "10 explanations over 3 partitions: 3 or 4 each, got " + explained));
        for (List<AuditTask> slice : slices) {
            for (int i = 1; i < slice.size(); i++) {
                assertEquals(true, slice.get(i - 1).index() < slice.get(i).index(), "index order within a partition");
            }
        }
    }

    @Test
    void fewerTasksThanPartitionsLeaveNoEmptyPartition() {
        assertEquals(2, TaskPlan.partition(tasks(2, 1), 8, 10).size());
        assertThrows(IllegalArgumentException.class, () -> TaskPlan.partition(tasks(2, 1), 0, 10));
    }
}
