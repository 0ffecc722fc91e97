package dev.limelight.check;

/** The defaults the explanation tests share, and their checks. */
final class ExplanationTests {

    /** LIME samples per image unless a check says otherwise. */
    static final int DEFAULT_SAMPLES = 300;

    /** Grid cells per image unless a check says otherwise. */
    static final int DEFAULT_GRID = 16;

    private ExplanationTests() {
    }

    static int samples(Integer samples) {
        int s = samples == null ? DEFAULT_SAMPLES : samples;
        if (s < 10) {
            throw new IllegalArgumentException("samples must be at least 10, got " + s);
        }
        return s;
    }

    static int grid(Integer grid) {
        int g = grid == null ? DEFAULT_GRID : grid;
        if (g < 2 || g > 4096) {
            throw new IllegalArgumentException("grid must be in 2..4096 cells, got " + g);
        }
        return g;
    }
}
