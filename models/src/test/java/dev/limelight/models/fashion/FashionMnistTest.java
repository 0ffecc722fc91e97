package dev.limelight.models.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FashionMnistTest {

    /** n images grouped by class (as the shared copy is), pixel values = the label. */
    static FashionMnist groupedByClass(int n) {
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * 28 * 28];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i * 10 / n);
            Arrays.fill(pixels, i * 784, (i + 1) * 784, labels[i]);
        }
        return new FashionMnist(new IdxFiles.Images(n, 28, 28, pixels), labels);
    }

    @Test
    void splitIsAPartitionOfAllImages() {
        FashionMnist.Split split = groupedByClass(1000).split(42, 100, 200);

        assertEquals(700, split.train().length);
        assertEquals(100, split.validation().length);
        assertEquals(200, split.test().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1000).toArray(), all);
    }

    @Test
    void splitShufflesImagesThatAreGroupedByClass() {
        FashionMnist data = groupedByClass(1000);
        FashionMnist.Split split = data.split(42, 100, 200);

        int[] testClasses = new int[10];
        for (int i : split.test()) {
            testClasses[data.label(i)]++;
        }
        // unshuffled, the last 200 images would all be of classes 8 and 9
        for (int k = 0; k < 10; k++) {
            assertNotEquals(0, testClasses[k], "class " + k + " in the test split");
        }
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        FashionMnist data = groupedByClass(500);
        assertArrayEquals(data.split(7, 50, 50).test(), data.split(7, 50, 50).test());
        assertNotEquals(Arrays.toString(data.split(7, 50, 50).test()), Arrays.toString(data.split(8, 50, 50).test()));
    }

    @Test
    void copyPixelsWritesOneImageAsFloats() {
        FashionMnist data = groupedByClass(20);
        float[] target = new float[784 + 3];

        data.copyPixels(19, target, 3);

        assertEquals(0f, target[2]);
        assertEquals(9f, target[3]);
        assertEquals(9f, target[786]);
    }

    @Test
    void rejectsLabelsOutsideTheTenClassesAndImagesOfAnotherSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new FashionMnist(new IdxFiles.Images(1, 28, 28, new byte[784]), new byte[] {10}));
        assertThrows(IllegalArgumentException.class,
                () -> new FashionMnist(new IdxFiles.Images(1, 32, 32, new byte[1024]), new byte[] {1}));
    }
}
