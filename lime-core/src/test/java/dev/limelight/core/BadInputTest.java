package dev.limelight.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets an IllegalArgumentException whose message names the problem. */
class BadInputTest {

    private static final double[][] DATA = {{1, 1}, {0, 1}, {1, 0}};
    private static final double[][] PREDICTIONS = {{0.2, 0.8}, {0.6, 0.4}, {0.3, 0.7}};
    private static final double[] DISTANCES = {0, 0.3, 0.3};

    static Stream<Arguments> badInputs() {
        Neighbourhood good = Neighbourhood.of(DATA, PREDICTIONS, DISTANCES);
        KLasso klasso = new KLasso(KLassoOptions.defaults());
        return Stream.of(
                bad("mismatched row counts", "row counts differ",
                        () -> Neighbourhood.of(DATA, new double[][] {{0.5, 0.5}}, DISTANCES)),
                bad("distances of another length", "row counts differ",
                        () -> Neighbourhood.of(DATA, PREDICTIONS, new double[] {0, 1})),
                bad("empty neighbourhood", "empty",
                        () -> Neighbourhood.of(new double[0][], new double[0][], new double[0])),
                bad("ragged rows", "ragged",
                        () -> Neighbourhood.of(new double[][] {{1, 1}, {0}}, PREDICTIONS, DISTANCES)),
                bad("NaN prediction", "non-finite",
                        () -> Neighbourhood.of(DATA, new double[][] {{0.2, 0.8}, {Double.NaN, 0.4}, {0.3, 0.7}},
                                DISTANCES)),
                bad("NaN distance", "distance",
                        () -> Neighbourhood.of(DATA, PREDICTIONS, new double[] {0, Double.NaN, 0.3})),
                bad("negative distance", ">= 0",
                        () -> Neighbourhood.of(DATA, PREDICTIONS, new double[] {0, -0.1, 0.3})),
                bad("K below 1", "numFeatures",
                        () -> KLassoOptions.builder().numFeatures(0)),
                bad("zero kernel width", "kernel width",
                        () -> KLassoOptions.builder().kernelWidth(0)),
                bad("negative kernel width", "kernel width",
                        () -> Kernel.exponential(-1)),
                bad("label index out of range", "out of range",
                        () -> klasso.explain(good, 2)),
                bad("negative label index", "out of range",
                        () -> klasso.explain(good, -1)),
                bad("no label", "at least one label",
                        () -> klasso.explain(good)),
                bad("label given twice", "twice",
                        () -> klasso.explain(good, 1, 1)),
                bad("every kernel weight zero", "too narrow",
                        () -> new KLasso(KLassoOptions.builder().kernelWidth(1e-3).build())
                                .explain(Neighbourhood.of(DATA, PREDICTIONS, new double[] {5, 5, 5}), 1)));
    }

    private static Arguments bad(String what, String messageMentions, Executable call) {
        return Arguments.of(what, messageMentions, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRejectedWithAClearMessage(String what, String messageMentions, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, what);
        assertTrue(e.getMessage().contains(messageMentions),
                "message for " + what + " should mention '" + messageMentions + "': " + e.getMessage());
    }
}
