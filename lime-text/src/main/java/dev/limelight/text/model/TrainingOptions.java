package dev.limelight.text.model;

/**
 * How a DL4J classifier of this package is fitted: Adam on mini-batches shuffled each epoch from
 * the seed, with an L2 penalty on the weights.
 *
 * @param epochs       passes over the training set, at least 1
 * @param batchSize    documents per update, at least 1
 * @param learningRate Adam's learning rate, &gt; 0
 * @param l2           L2 penalty on the weights, &gt;= 0
 * @param seed         seed of the weight initialisation and of the shuffles
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double l2, long seed) {

    /** Checks the arguments. */
    public TrainingOptions {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batchSize must be >= 1, got " + epochs + " and " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, got " + learningRate);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("l2 must be a finite number >= 0, got " + l2);
        }
    }

    /**
     * @param epochs another number of epochs
     * @return these options with that number of epochs
     */
    public TrainingOptions withEpochs(int epochs) {
        return new TrainingOptions(epochs, batchSize, learningRate, l2, seed);
    }

    /**
     * @param seed another seed
     * @return these options with that seed
     */
    public TrainingOptions withSeed(long seed) {
        return new TrainingOptions(epochs, batchSize, learningRate, l2, seed);
    }

    /**
     * @param l2 another L2 penalty
     * @return these options with that penalty
     */
    public TrainingOptions withL2(double l2) {
        return new TrainingOptions(epochs, batchSize, learningRate, l2, seed);
    }
}
