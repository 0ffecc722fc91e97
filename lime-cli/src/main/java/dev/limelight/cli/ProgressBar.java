package dev.limelight.cli;

import dev.limelight.core.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line text progress bar on the error stream: stage, bar, count, rate and time left.
 * Redraws at most every 200 ms; silent when quiet.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean quiet;
    private final long started = System.nanoTime();
    private long lastDraw;
    private String lastStage = "";

    ProgressBar(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void progress(String stage, long done, long total) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && stage.equals(lastStage) && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        lastStage = stage;
        double share = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(share * WIDTH);
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && !finished ? String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate) : "";
        out.printf(Locale.ROOT, "\r%-10s [%s%s] %d/%d (%.1f/s%s)   ", stage, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, rate, eta);
        if (finished) {
            out.println();
        }
        out.flush();
    }
}
