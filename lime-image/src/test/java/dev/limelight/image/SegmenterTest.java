package dev.limelight.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.testing.SharedData;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmenterTest {

    static Stream<Arguments> photosAndKinds() {
        return Stream.of("images/cat_mouse.jpg", "images/dogs.png", "images/astronaut.png", "images/coffee.png",
                        "images/rocket.png", "images/goldenretriever.jpg")
                .flatMap(photo -> Stream.of(SegmenterKind.values()).map(kind -> Arguments.of(photo, kind)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("photosAndKinds")
    void defaultsGiveThirtyToOneHundredFiftyCompactSegmentsAt299(String photo, SegmenterKind kind) {
        RasterImage image = ImageResizer.resize(ImageFiles.read(SharedData.require(photo)), 299, 299);
        long start = System.nanoTime();
        Segmentation s = kind.create(SegmenterKind.DEFAULT_SEGMENTS).segment(image);
        System.out.printf("%s %s: %d segments in %.0f ms%n", kind, photo, s.segmentCount(), (System.nanoTime() - start) / 1e6);

        assertTrue(s.segmentCount() >= 30 && s.segmentCount() <= 150, kind + " gave " + s.segmentCount() + " segments");
        int pixels = 0;
        for (int k = 0; k < s.segmentCount(); k++) {
            assertTrue(s.pixelCount(k) > 0, "segment " + k + " is used");
            pixels += s.pixelCount(k);
        }
        assertEquals(299 * 299, pixels);
    }
}
