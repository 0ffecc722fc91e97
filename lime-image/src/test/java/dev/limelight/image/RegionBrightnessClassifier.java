package dev.limelight.image;

import dev.limelight.core.ImageClassifier;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model with a known answer: P(class 1) is the mean brightness (0..1) of one rectangle of the
 * image and nothing else; class 0 takes the rest. With hidden segments painted black, exactly the
 * segments inside the rectangle can matter.
 */
class RegionBrightnessClassifier implements ImageClassifier {

    private final ImageInput input;
    private final int x0;
    private final int y0;
    private final int x1;
    private final int y1;
    int calls;
    long imagesScored;

    RegionBrightnessClassifier(ImageInput input, int x0, int y0, int x1, int y1) {
        this.input = input;
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
    }

    boolean contains(int x, int y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    @Override
    public ImageInput input() {
        return input;
    }

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public INDArray predict(INDArray batch) {
        calls++;
        int n = (int) batch.size(0);
        imagesScored += n;
        double[][] out = new double[n][2];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    for (int c = 0; c < input.channels(); c++) {
                        sum += input.layout() == ImageLayout.NCHW ? batch.getDouble(i, c, y, x) : batch.getDouble(i, y, x, c);
                    }
                }
            }
            double p = sum / ((double) (x1 - x0) * (y1 - y0) * input.channels() * 255);
            out[i][1] = p;
            out[i][0] = 1 - p;
        }
        return Nd4j.createFromArray(out);
    }

    @Override
    public String toString() {
        return "RegionBrightnessClassifier[" + x0 + "," + y0 + " - " + x1 + "," + y1 + "]";
    }
}
