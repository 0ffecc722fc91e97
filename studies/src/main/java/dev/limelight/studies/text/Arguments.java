package dev.limelight.studies.text;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options of the study mains. */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();

    Arguments(String[] args, String usage) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i] + "\n" + usage);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    long number(String name, long fallback) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
    }

    /**
     * The shared data directory: --data, else the system property limelight.data.dir (studies/run sets it).
     *
     * @throws IllegalArgumentException if neither is given
     */
    Path dataDirectory() {
        String dir = text("data", System.getProperty("limelight.data.dir"));
        if (dir == null) {
            throw new IllegalArgumentException("name the shared data directory with --data DIR or -Dlimelight.data.dir=DIR");
        }
        return Path.of(dir);
    }
}
