package dev.limelight.training.fix;

import dev.limelight.training.LimeTrainingListener;
import dev.limelight.training.fit.ImageTrainer;
import dev.limelight.training.fit.TrainingImages;

/**
 * The training listener handing its finding to a fix: each epoch trains on the plain images until
 * the listener's {@link dev.limelight.training.ReliancePolicy#fixAbove fix policy} has seen a probe
 * rely on its region beyond the threshold, and on the fix's images from the next epoch on.
 *
 * <pre>{@code
 * LimeTrainingListener watch = LimeTrainingListener.builder(net -> ImageModels.wrap(net, options))
 *         .probes(probes).everyEpochs(1).policy(ReliancePolicy.fixAbove(0.3)).build();
 * network.setListeners(watch);
 * ImageTrainer.fit(network, FixOnReliance.images(watch, fix, train, seed), validation, Preprocessing.UNIT,
 *         options, progress);
 * }</pre>
 * ({@link ImageTrainer#fit} calls the network's listeners at the end of every epoch.) The epochs after
 * the switch have to unlearn what the model took from the region: with a learning rate that decays
 * fast they cannot (in {@code FixOnRelianceTest} a constant rate is what lets them).
 */
public final class FixOnReliance {

    private FixOnReliance() {
    }

    /**
     * @param listener the listener watching the training
     * @param fix      the fix to switch to
     * @param train    the training images
     * @param seed     the fix's seed
     * @return each epoch's images: {@code train} until the listener asks for the fix, then the fix's
     */
    public static ImageTrainer.EpochImages images(LimeTrainingListener listener, Fix fix, TrainingImages train,
                                                  long seed) {
        return epoch -> listener.fixRequested() ? fix.epoch(train, epoch, seed) : train;
    }
}
