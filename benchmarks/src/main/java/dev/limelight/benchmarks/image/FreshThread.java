package dev.limelight.benchmarks.image;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs a study on a fresh thread and waits for it: model calls were measured faster there than on
 * the JVM's main thread (see the README's Spark audit section), and the command does the same.
 */
final class FreshThread {

    /** A study body. */
    interface Study {
        void run() throws IOException;
    }

    private FreshThread() {
    }

    static void run(String name, Study study) throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                study.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        worker.start();
        worker.join();
    }
}
