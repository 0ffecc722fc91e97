package dev.limelight.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.image.ImageExplainer;
import dev.limelight.image.ImageExplainerOptions;
import dev.limelight.image.ImageExplanation;
import dev.limelight.image.RasterImage;
import dev.limelight.image.render.ExplanationJson;
import dev.limelight.models.BundledModels;
import dev.limelight.models.NetworkImageClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Explaining with the network's preprocessing taken over by the batch builder (the image and its
 * fill preprocessed once) gives the explanation that preprocessing every batch gives, to the last digit.
 */
class PreprocessedExplanationTest {

    /** The same network with its preprocessing hidden: every batch goes through predict. */
    private record PredictOnly(ImageClassifier classifier) implements ImageClassifier {
        @Override
        public ImageInput input() {
            return classifier.input();
        }

        @Override
        public int classCount() {
            return classifier.classCount();
        }

        @Override
        public List<String> classNames() {
            return classifier.classNames();
        }

        @Override
        public INDArray predict(INDArray batch) {
            return classifier.predict(batch);
        }
    }

    @Test
    void preprocessingOnceExplainsAsPreprocessingEveryBatch() {
        NetworkImageClassifier network = BundledModels.fashionMnist();
        RasterImage photo = RasterImage.fromBufferedImage(BundledModels.fashionMnistSample(9));
        ImageExplainer explainer = new ImageExplainer(ImageExplainerOptions.builder().samples(300).batchSize(32)
                .seed(3).build());

        ImageExplanation once = explainer.explain(photo, network);
        ImageExplanation everyBatch = explainer.explain(photo, new PredictOnly(network));

        assertTrue(network.preprocessedInput().isPresent());
        ObjectNode expected = ExplanationJson.toJson(everyBatch);
        ObjectNode actual = ExplanationJson.toJson(once);
        expected.remove("timings");
        actual.remove("timings");
        assertTrue(expected.equals(actual), "the explanations differ");
        assertTrue(actual.get("labels").get(0).get("weights").size() > 0);
    }
}
