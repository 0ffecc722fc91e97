package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/reference/cli.md is the usage help of every command, as picocli prints it, so it cannot drift
 * from the code. After changing an option, regenerate it:
 * {@code mvn -B -pl lime-cli test -Dtest=CliReferenceTest -Dlimelight.cli.reference.write=true}.
 */
class CliReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "reference", "cli.md");

    static String reference() {
        CommandLine root = new CommandLine(Limelight.class);
        root.setUsageHelpWidth(100);
        StringBuilder md = new StringBuilder("# Command-line reference\n\n")
                .append("Generated from the commands' own usage help (`CliReferenceTest` checks it). Exit codes: 0 done, ")
                .append("1 a failure, 2 bad input, with a message naming the file and the problem.\n\n")
                .append("```text\n").append(root.getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n");
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            sub.getValue().setUsageHelpWidth(100);
            md.append("\n## ").append(sub.getKey()).append("\n\n```text\n")
                    .append(sub.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n");
        }
        return md.toString();
    }

    @Test
    void theCommittedReferenceIsTheCommandsUsageHelp() throws Exception {
        String generated = reference();
        if (Boolean.getBoolean("limelight.cli.reference.write")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(REFERENCE, StandardCharsets.UTF_8),
                "docs/reference/cli.md is stale; regenerate it (see this test's javadoc)");
    }
}
