package dev.limelight.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.limelight.core.PreprocessedInput;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A network classifier's preprocessing as a step of its own: images preprocessed one at a time and
 * copied into a batch score exactly as {@code predict} scores the raw batch, for every preset and
 * both layouts (what lets an explainer preprocess the image and its fill once).
 */
class PreprocessedInputTest {

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"UNIT, NCHW", "UNIT, NHWC", "INCEPTION, NCHW", "INCEPTION, NHWC", "CAFFE, NCHW", "CAFFE, NHWC",
            "NONE, NHWC"})
    void imagesPreprocessedAloneScoreAsTheRawBatch(Preprocessing preset, CNN2DFormat format) {
        NetworkImageClassifier model = ImageModels.wrap(Dl4jFixtures.cnn(12, 12, 3, format, 4, Activation.SOFTMAX),
                ModelOptions.builder().inputSize(12, 12).preprocessing(preset).build());
        Nd4j.getRandom().setSeed(5);
        INDArray raw = Nd4j.rand(DataType.FLOAT, model.input().batchShape(6)).muli(255);
        PreprocessedInput preprocessed = model.preprocessedInput().orElseThrow();

        INDArray batch = raw.dup();
        for (int i = 0; i < 6; i++) {
            INDArray one = raw.get(NDArrayIndex.interval(i, i + 1)).dup();
            preprocessed.preprocessInPlace(one);
            batch.get(NDArrayIndex.interval(i, i + 1)).assign(one);
        }

        assertArrayEquals(model.predict(raw.dup()).data().asFloat(), preprocessed.predictPreprocessed(batch).data().asFloat());
    }
}
