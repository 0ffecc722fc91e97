package dev.limelight.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code limelight} command. Exit codes scripts can rely on: {@link #DONE},
 * {@link #FAILURE}, {@link #BAD_INPUT}.
 */
@Command(name = "limelight",
        mixinStandardHelpOptions = true,
        version = "limelight 0.1.0-SNAPSHOT",
        description = "LIME explanations for Deeplearning4j and Keras classifiers.",
        subcommands = {DemoCommand.class, ExplainImageCommand.class, ExplainTextCommand.class, ExplainRowCommand.class, AuditCommand.class,
            TestCommand.class, CompareCommand.class, TrainCommand.class, ImproveCommand.class, CalibrateCommand.class, ExplainNeighbourhoodCommand.class})
public final class Limelight {

    /** Exit code: the command did what was asked. */
    public static final int DONE = 0;

    /** Exit code: something failed that is not the user's input. */
    public static final int FAILURE = 1;

    /** Exit code: the input (a file, an option) was bad; the message says which. */
    public static final int BAD_INPUT = 2;

    private Limelight() {
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) throws InterruptedException {
        // The work runs on a fresh thread, not the JVM's main thread. Measured with the Fashion-MNIST
        // audit: in one JVM, repeated audits took 9.0-11.4 s on fresh threads vs 12.2-13.9 s on the main
        // thread; as a command (one audit per JVM), 27.3-28.5 s vs 29.4-32.2 s. SparkAuditScaling prints
        // both. The cause inside ND4J is not isolated.
        int[] exitCode = {FAILURE};
        Thread worker = new Thread(() -> exitCode[0] = run(args, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)), "limelight");
        worker.start();
        worker.join();
        System.exit(exitCode[0]);
    }

    /**
     * Runs the command line with the given output streams.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Limelight());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            if (e instanceof BadInputException || e instanceof IllegalArgumentException
                    || e instanceof dev.limelight.core.InvalidModelOutputException) {
                String hint = e instanceof dev.limelight.core.InvalidModelOutputException
                        ? " (if the model outputs logits, pass --logits)" : "";
                cl.getErr().println("limelight: " + e.getMessage() + hint);
                return BAD_INPUT;
            }
            cl.getErr().println("limelight: failed: " + e);
            e.printStackTrace(cl.getErr());
            return FAILURE;
        });
        return commandLine.execute(args);
    }
}
