package dev.limelight.studies.tabular;

import dev.limelight.tabular.Table;
import dev.limelight.tabular.TableSchema;
import dev.limelight.tabular.TabularMlp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the small MLP of {@link TabularMlp} on a labelled CSV table and writes it as a DL4J model zip
 * with its normalizer: the example models of {@code examples/tabular}.
 *
 * <pre>studies/run dev.limelight.studies.tabular.TrainTableModel CSV SCHEMA OUT.zip [EPOCHS] [SEED]</pre>
 *
 * A fifth of the rows (seeded) is held out and the accuracy on it printed; the model is then trained
 * on the other four fifths.
 */
public final class TrainTableModel {

    private TrainTableModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: TrainTableModel CSV SCHEMA OUT.zip [EPOCHS] [SEED]");
            System.exit(2);
        }
        Table table = Table.read(Path.of(args[0]), TableSchema.read(Path.of(args[1])));
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : TabularMlp.Training.DEFAULTS.epochs();
        long seed = args.length > 4 ? Long.parseLong(args[4]) : TabularMlp.Training.DEFAULTS.seed();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int heldOut = table.size() / 5;
        Table test = subset(table, order.subList(0, heldOut), "held out");
        Table train = subset(table, order.subList(heldOut, order.size()), "training");
        long t0 = System.nanoTime();
        TabularMlp mlp = TabularMlp.train(train, TabularMlp.Training.DEFAULTS.withEpochs(epochs).withSeed(seed));
        System.out.printf(Locale.ROOT, "%s: %d training rows, %d held out, %d epochs, %.1f s; held-out accuracy %.4f%n",
                args[0], train.size(), test.size(), epochs, (System.nanoTime() - t0) / 1e9, mlp.accuracy(test));
        mlp.save(Path.of(args[2]));
        System.out.println("wrote " + args[2]);
    }

    private static Table subset(Table table, List<Integer> rows, String name) {
        double[][] all = table.rows();
        int[] labels = table.labels();
        double[][] picked = new double[rows.size()][];
        int[] pickedLabels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            picked[i] = all[rows.get(i)];
            pickedLabels[i] = labels[rows.get(i)];
        }
        return new Table(table.schema(), picked, pickedLabels, table.source() + " (" + name + ")");
    }
}
