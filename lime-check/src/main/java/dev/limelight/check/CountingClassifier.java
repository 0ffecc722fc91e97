package dev.limelight.check;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageEmbedder;
import dev.limelight.core.ImageInput;
import dev.limelight.core.OutputKind;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A model that counts its calls and the images scored, so a run can say what each check cost. */
final class CountingClassifier implements ImageClassifier {

    private final ImageClassifier model;
    private long calls;
    private long images;

    CountingClassifier(ImageClassifier model) {
        this.model = model;
    }

    @Override
    public ImageInput input() {
        return model.input();
    }

    @Override
    public int classCount() {
        return model.classCount();
    }

    @Override
    public INDArray predict(INDArray batch) {
        count(batch);
        return model.predict(batch);
    }

    @Override
    public List<String> classNames() {
        return model.classNames();
    }

    @Override
    public OutputKind outputKind() {
        return model.outputKind();
    }

    @Override
    public Optional<ImageEmbedder> embedder() {
        return model.embedder().map(embedder -> batch -> {
            count(batch);
            return embedder.predictAndEmbed(batch);
        });
    }

    private synchronized void count(INDArray batch) {
        calls++;
        images += batch.size(0);
    }

    /** @return model calls so far */
    synchronized long calls() {
        return calls;
    }

    /** @return images scored so far */
    synchronized long images() {
        return images;
    }
}
