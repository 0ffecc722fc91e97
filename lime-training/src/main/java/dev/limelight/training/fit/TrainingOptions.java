package dev.limelight.training.fit;

import dev.limelight.models.SmallCnn;

/**
 * How a network is trained or fine-tuned.
 *
 * @param epochs          passes over the training images (default 5)
 * @param batchSize       images per gradient step (default 64)
 * @param learningRate    Adam's learning rate in the first epoch (default 2e-3; fine-tuning sets it
 *                        on the loaded network)
 * @param decay           factor applied to the learning rate after each epoch, in (0, 1] (default 0.5)
 * @param seed            seed of the split, the batch order, the weights and the fixes' randomness
 *                        (default 42)
 * @param validationShare share of each class held out for validation and the temperature fit, in
 *                        [0, 1) (default 0.1)
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double decay, long seed,
                              double validationShare) {

    /** The defaults. */
    public static final TrainingOptions DEFAULTS = new TrainingOptions(5, 64, SmallCnn.DEFAULT_LEARNING_RATE,
            SmallCnn.DEFAULT_LEARNING_RATE_DECAY, 42, 0.1);

    /** @throws IllegalArgumentException for a value out of its range */
    public TrainingOptions {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1, got " + epochs + " and "
                    + batchSize);
        }
        if (!(learningRate > 0) || !(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("the learning rate must be positive and its decay in (0, 1], got "
                    + learningRate + " and " + decay);
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("the validation share must be in [0, 1), got " + validationShare);
        }
    }

    /** @return these options with another number of epochs */
    public TrainingOptions withEpochs(int other) {
        return new TrainingOptions(other, batchSize, learningRate, decay, seed, validationShare);
    }

    /** @return these options with another seed */
    public TrainingOptions withSeed(long other) {
        return new TrainingOptions(epochs, batchSize, learningRate, decay, other, validationShare);
    }

    /** @return these options with another validation share */
    public TrainingOptions withValidationShare(double other) {
        return new TrainingOptions(epochs, batchSize, learningRate, decay, seed, other);
    }
}
