package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.limelight.core.ImageEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's embeddings: the activations of the layer before its output, given beside the same
 * outputs {@code predict} gives, for a layer stack and for a graph.
 */
class EmbeddingsTest {

    @TempDir
    Path dir;

    private static INDArray pixels(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, shape).muli(255);
    }

    @Test
    void aLayerStackGivesItsPoolingActivationsAndTheSameProbabilitiesInOnePass() throws IOException {
        NetworkImageClassifier model = ImageModels.load(Dl4jFixtures.writeTinyCnnZip(dir.resolve("cnn.zip")),
                ModelOptions.builder().inputSize(12, 12).build());
        ImageEmbedder embedder = model.embedder().orElseThrow();

        INDArray expected = model.predict(pixels(1, 5, 3, 12, 12));
        ImageEmbedder.Embedded both = embedder.predictAndEmbed(pixels(1, 5, 3, 12, 12));

        assertTrue(expected.equalsWithEps(both.outputs(), 1e-6), both.outputs() + " vs " + expected);
        // conv 3x3 on 12x12 -> 10x10x4, max pooling 2x2 -> 5x5x4 = 100 values an image
        assertEquals(List.of(5L, 100L), List.of(both.embeddings().size(0), both.embeddings().size(1)));
        assertTrue(both.embeddings().minNumber().doubleValue() >= 0, "ReLU then max pooling: no negative value");
    }

    @Test
    void aGraphGivesTheVertexBeforeItsOutput() throws IOException {
        ComputationGraph graph = Dl4jFixtures.fullyConvolutionalGraph(3, 4);
        Path zip = dir.resolve("graph.zip");
        ModelSerializer.writeModel(graph, zip.toFile(), false);
        NetworkImageClassifier model = ImageModels.load(zip, ModelOptions.builder().inputSize(16, 20).build());

        INDArray expected = model.predict(pixels(2, 6, 3, 16, 20));
        ImageEmbedder.Embedded both = model.embedder().orElseThrow().predictAndEmbed(pixels(2, 6, 3, 16, 20));

        assertTrue(expected.equalsWithEps(both.outputs(), 1e-6));
        assertEquals(List.of(6L, 6L), List.of(both.embeddings().size(0), both.embeddings().size(1)),
                "global average pooling of 6 filters, in chunks of 4 images and 2");
    }
}
