package dev.limelight.training.fix;

import dev.limelight.core.ImageLayout;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainingImages;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * "Right for the right reasons" (Ross, Hughes and Doshi-Velez, 2017): cross-entropy plus
 * {@code lambda} times the squared input gradient of the summed log-probabilities inside the marked
 * region, {@code sum_d A_d (d/dx_d sum_k log p_k)^2}, so the model's answer stops depending on the
 * region's pixels.
 *
 * <p>The penalty's gradient with respect to the weights needs a second derivative, which DL4J does
 * not give (no double back-propagation). With {@code g} the input gradient and {@code v = A . g} held
 * fixed, it is {@code 2 d/dtheta (v . grad_x s)}, the derivative of the weight gradient along
 * {@code v}, taken here by central finite differences: {@code (grad_theta s(x + eps v) -
 * grad_theta s(x - eps v)) / eps}, with {@code eps} such that the largest input change is
 * {@value #STEP} (network-input units). A step costs four forward and backward passes instead of one;
 * the update is DL4J's updater (Adam) applied to the sum, as DL4J's own optimizer does.
 * {@code MultiLayerNetwork} only (M2.1's {@code ComputationGraph} has no input gradients).
 */
public final class RightReasons implements ImageTrainer.Step {

    /** The largest change of an input value in the finite difference. */
    static final double STEP = 1e-2;

    /** The penalty's weight unless said otherwise. */
    public static final double DEFAULT_LAMBDA = 10;

    private final MarkedRegion region;
    private final double lambda;
    private final ImageLayout layout;

    /**
     * @param region the marked region
     * @param lambda the penalty's weight, positive
     * @param layout the network input's layout
     */
    public RightReasons(MarkedRegion region, double lambda, ImageLayout layout) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("the penalty's weight must be positive, got " + lambda);
        }
        this.region = region;
        this.lambda = lambda;
        this.layout = layout;
    }

    @Override
    public double apply(Model model, DataSet batch, List<TrainingImages.Example> examples) {
        if (!(model instanceof MultiLayerNetwork network)) {
            throw new IllegalArgumentException("rrr fine-tunes a MultiLayerNetwork; DL4J 1.0.0-M2.1 gives a "
                    + "ComputationGraph no input gradients");
        }
        INDArray x = batch.getFeatures();
        INDArray gradient = network.calculateGradients(x, batch.getLabels(), null, null).getFirst().gradient().dup()
                .reshape(network.params().shape());
        gradient.addi(penaltyGradient(network, x, mask(x, examples)).muli(lambda));
        network.setInput(x);
        network.setLabels(batch.getLabels());
        double score = network.score(batch, true);
        INDArray view = network.getGradientsViewArray();
        view.assign(gradient);
        // the network's own gradient view: the updater updates it in place, as for DL4J's own steps
        network.getUpdater().update(network, new DefaultGradient(view), network.getIterationCount(),
                network.getEpochCount(), (int) x.size(0), LayerWorkspaceMgr.noWorkspaces());
        network.params().subi(view.reshape(network.params().shape()));
        network.setIterationCount(network.getIterationCount() + 1);
        return score;
    }

    /**
     * The penalty's gradient with respect to the weights (flattened as the network's parameters),
     * by the central finite difference along the masked input gradient.
     *
     * @param network the network
     * @param x       a batch of inputs
     * @param mask    1 where the penalty applies, of {@code x}'s shape
     * @return the estimate of {@code d/dtheta sum (mask . grad_x sum_k log p_k)^2}, summed over the batch
     */
    static INDArray penaltyGradient(MultiLayerNetwork network, INDArray x, INDArray mask) {
        INDArray ones = Nd4j.onesLike(network.output(x, false));
        // with every label 1 the cross-entropy is -sum_k log p_k: its input gradient is -g
        INDArray v = network.calculateGradients(x, ones, null, null).getSecond().dup().muli(mask);
        double largest = v.amaxNumber().doubleValue();
        if (!(largest > 0)) {
            return Nd4j.zerosLike(network.params());
        }
        double eps = STEP / largest;
        INDArray plus = network.calculateGradients(x.add(v.mul(eps)), ones, null, null).getFirst().gradient().dup();
        INDArray minus = network.calculateGradients(x.sub(v.mul(eps)), ones, null, null).getFirst().gradient().dup();
        // v is -mask.g and the weight gradients are of -s: the two signs cancel in the difference
        return plus.subi(minus).divi(eps).reshape(network.params().shape());
    }

    /**
     * @return the penalty itself, {@code sum (mask . grad_x sum_k log p_k)^2} over the batch (for tests)
     */
    static double penalty(MultiLayerNetwork network, INDArray x, INDArray mask) {
        INDArray ones = Nd4j.onesLike(network.output(x, false));
        INDArray g = network.calculateGradients(x, ones, null, null).getSecond().mul(mask);
        return g.mul(g).sumNumber().doubleValue();
    }

    /** The marked pixels of each image as a 0/1 array of the batch's shape. */
    private INDArray mask(INDArray x, List<TrainingImages.Example> examples) {
        long[] shape = x.shape();
        boolean channelsFirst = layout == ImageLayout.NCHW;
        int channels = (int) (channelsFirst ? shape[1] : shape[3]);
        int h = (int) (channelsFirst ? shape[2] : shape[1]);
        int w = (int) (channelsFirst ? shape[3] : shape[2]);
        float[] values = new float[(int) x.length()];
        for (int n = 0; n < examples.size(); n++) {
            boolean[] inside = region.inside(examples.get(n).path());
            for (int p = 0; p < h * w; p++) {
                if (inside[p]) {
                    for (int c = 0; c < channels; c++) {
                        int at = channelsFirst ? ((n * channels + c) * h * w + p) : ((n * h * w + p) * channels + c);
                        values[at] = 1;
                    }
                }
            }
        }
        return Nd4j.create(values, shape, 'c').castTo(x.dataType());
    }
}
