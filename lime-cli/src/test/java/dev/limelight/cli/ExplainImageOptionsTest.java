package dev.limelight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.limelight.core.sampling.SamplingDesign;
import dev.limelight.image.ImageExplainerOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the explain-image options become explainer options. */
class ExplainImageOptionsTest {

    private static ImageExplainerOptions parse(String... args) {
        ExplainImageCommand command = new ExplainImageCommand();
        new CommandLine(command).parseArgs(args);
        return command.explainerOptions();
    }

    private static final String[] REQUIRED = {"--model", "m.h5", "--image", "p.png", "--out", "out"};

    private static String[] with(String... extra) {
        String[] all = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + extra.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return all;
    }

    @Test
    void aFixedBudgetSamplesAsTheReferenceDoes() {
        ImageExplainerOptions options = parse(with());
        assertNull(options.sampling().adaptive());
        assertEquals(SamplingDesign.INDEPENDENT, options.sampling().design());
    }

    @Test
    void adaptiveSamplingDrawsOrthogonalPairsUnlessADesignIsNamed() {
        ImageExplainerOptions adaptive = parse(with("--adaptive"));
        assertNotNull(adaptive.sampling().adaptive());
        assertEquals(SamplingDesign.ORTHOGONAL, adaptive.sampling().design());
        assertEquals(SamplingDesign.INDEPENDENT, parse(with("--adaptive", "--design", "independent")).sampling().design());
        assertEquals(SamplingDesign.ANTITHETIC, parse(with("--design", "antithetic")).sampling().design());
    }
}
