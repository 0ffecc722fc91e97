package dev.limelight.models.calibration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's calibration as {@code limelight calibrate} writes it ({@value #FILE_NAME}) and the other
 * commands read it: temperature scaling fitted on a labelled folder, with the expected calibration
 * error (15 bins) before and after and their 95 % percentile-bootstrap intervals.
 *
 * @param method            {@code "temperature"}
 * @param temperature       the fitted T (probabilities become softmax(log p / T))
 * @param classCount        the model's number of classes: a file for another class count is refused
 * @param images            the labelled images it was fitted on
 * @param model             the model's name, for messages
 * @param eceBefore         the expected calibration error before
 * @param eceAfter          the same after temperature scaling (on the images it was fitted on)
 * @param eceBeforeInterval 95 % bootstrap interval of {@code eceBefore}
 * @param eceAfterInterval  95 % bootstrap interval of {@code eceAfter}
 */
public record CalibrationFile(String method, double temperature, int classCount, int images, String model,
                              double eceBefore, double eceAfter, double[] eceBeforeInterval,
                              double[] eceAfterInterval) {

    /** The file's name in the output folder. */
    public static final String FILE_NAME = "calibration.json";
    /** The only method so far. */
    public static final String TEMPERATURE = "temperature";
    /** Bootstrap resamples of the intervals. */
    public static final int BOOTSTRAP = 200;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Checks the values; copies the intervals. */
    public CalibrationFile {
        if (!TEMPERATURE.equals(method)) {
            throw new IllegalArgumentException("unknown calibration method '" + method + "' (known: temperature)");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be finite and > 0, got " + temperature);
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("a calibration is for at least 2 classes, got " + classCount);
        }
        eceBeforeInterval = eceBeforeInterval == null ? new double[] {Double.NaN, Double.NaN} : eceBeforeInterval.clone();
        eceAfterInterval = eceAfterInterval == null ? new double[] {Double.NaN, Double.NaN} : eceAfterInterval.clone();
    }

    @Override
    public double[] eceBeforeInterval() {
        return eceBeforeInterval.clone();
    }

    @Override
    public double[] eceAfterInterval() {
        return eceAfterInterval.clone();
    }

    /**
     * Fits temperature scaling to a model's probabilities on labelled images.
     *
     * @param probabilities N x K probabilities
     * @param labels        the true class of each row
     * @param model         the model's name
     * @param seed          the bootstrap's seed
     * @return the calibration
     */
    public static CalibrationFile fit(INDArray probabilities, int[] labels, String model, long seed) {
        TemperatureFit fit = new TemperatureScaling().fitToProbabilities(probabilities, labels);
        INDArray scaled = CalibratedClassifier.scale(probabilities, fit.temperature());
        double[][] intervals = bootstrapIntervals(Outcomes.of(probabilities, labels), Outcomes.of(scaled, labels), seed);
        return new CalibrationFile(TEMPERATURE, fit.temperature(), (int) probabilities.columns(), labels.length, model,
                ReliabilityBins.of(probabilities, labels).expectedCalibrationError(),
                ReliabilityBins.of(scaled, labels).expectedCalibrationError(), intervals[0], intervals[1]);
    }

    /**
     * 95 % percentile-bootstrap intervals of the expected calibration error before and after, over
     * {@value #BOOTSTRAP} resamples of the same images for both.
     *
     * @return the interval before and the interval after
     */
    static double[][] bootstrapIntervals(Outcomes was, Outcomes is, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] before = new double[BOOTSTRAP];
        double[] after = new double[BOOTSTRAP];
        int n = was.size();
        for (int b = 0; b < BOOTSTRAP; b++) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            before[b] = was.resample(rows).expectedCalibrationError();
            after[b] = is.resample(rows).expectedCalibrationError();
        }
        return new double[][] {interval(before), interval(after)};
    }

    private static double[] interval(double[] values) {
        Percentile percentile = new Percentile();
        percentile.setData(Arrays.copyOf(values, values.length));
        return new double[] {percentile.evaluate(2.5), percentile.evaluate(97.5)};
    }

    /** Writes the file (through a temporary file moved into place). */
    public void write(Path file) throws IOException {
        dev.limelight.core.report.AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    /**
     * @param file a file {@code limelight calibrate} wrote
     * @return the calibration
     * @throws IllegalArgumentException naming the file, when it is missing, not JSON, or its values are bad
     */
    public static CalibrationFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("calibration file not found: " + file);
        }
        try {
            CalibrationFile read = JSON.readValue(file.toFile(), CalibrationFile.class);
            if (read.method() == null) {
                throw new IllegalArgumentException("no method");
            }
            return read;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a calibration file (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")", e);
        }
    }

    /**
     * @param classes   the model's number of classes
     * @param modelName the model's name, for the message
     * @return this calibration
     * @throws IllegalArgumentException when the calibration is for another number of classes
     */
    public CalibrationFile requireClassCount(int classes, String modelName) {
        if (classes != classCount) {
            throw new IllegalArgumentException("the calibration of " + model + " is for " + classCount
                    + " classes, but " + modelName + " has " + classes);
        }
        return this;
    }

    /** @return the reliability bins of probabilities before and after this temperature, as a diagram */
    public static ReliabilityDiagram diagram(INDArray probabilities, int[] labels, double temperature) {
        return ReliabilityDiagram.of(new ReliabilityDiagram.Panel("uncalibrated", ReliabilityBins.of(probabilities, labels)),
                new ReliabilityDiagram.Panel(String.format(java.util.Locale.ROOT, "temperature %.3f", temperature),
                        ReliabilityBins.of(CalibratedClassifier.scale(probabilities, temperature), labels)));
    }
}
