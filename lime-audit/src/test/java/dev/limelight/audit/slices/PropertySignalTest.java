package dev.limelight.audit.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.audit.AuditRow;
import dev.limelight.audit.ImageProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Wolves in snow: a property that names the label is flagged; one that does not, is not. */
class PropertySignalTest {

    @Test
    void brightnessThatNamesTheClassIsFlaggedAndRandomSharpnessIsNot() {
        List<String> labels = List.of("wolf", "husky", "dog");
        SplittableRandom random = new SplittableRandom(11);
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String label = labels.get(i % 3);
            double brightness = 60 * (i % 3) + 50 * random.nextDouble();
            ImageProperties p = new ImageProperties(32, 32, 1, brightness, 40, 1000 * random.nextDouble(), 0, 5);
            rows.add(new AuditRow(label + "/" + i + ".png", label, label, new double[] {1, 0, 0}, 1, 1, 0, p, List.of(),
                    null, null));
        }

        List<PropertySignal> signals = PropertySignal.of(rows);

        PropertySignal brightness = signals.get(0);
        assertEquals("brightness", brightness.property());
        assertTrue(brightness.flagged() && brightness.accuracy() > 0.9, brightness.toString());
        assertEquals(1.0 / 3, brightness.baseline(), 0.02);
        PropertySignal sharpness = signals.stream().filter(s -> s.property().equals("sharpness")).findFirst()
                .orElseThrow();
        assertFalse(sharpness.flagged(), sharpness.toString());
        assertTrue(signals.stream().noneMatch(s -> s.property().equals("width")), "a constant property says nothing");
    }
}
