package org.ml4em.tf;

import org.ml4em.BadInputException;

/**
 * How {@link ReplicaEnsembleTrainer} trains: full-batch Adam, one step per epoch, a validation
 * check every {@code checkEvery} epochs, early stopping after {@code patience} checks in which no
 * replica improved its best validation χ².
 *
 * <pre>
 * ReplicaTrainingSettings s = ReplicaTrainingSettings.defaults().withMaxEpochs(20_000).withSeed(7);
 * </pre>
 *
 * @param learningRate Adam step size, positive
 * @param maxEpochs most epochs (full-batch steps) to run, at least 1
 * @param checkEvery epochs between validation checks, at least 1
 * @param patience checks without any replica improving after which training stops, at least 1
 * @param seed seed of the Glorot-uniform initial weights (see {@link ReplicaWeights#glorotUniform})
 */
public record ReplicaTrainingSettings(float learningRate, int maxEpochs, int checkEvery, int patience, long seed) {

	/** Adam's usual step size; the ZLP method trains with it. */
	public static final float DEFAULT_LEARNING_RATE = 1e-3f;
	/** Enough for the ZLP network to converge on realistic data (1000 is not; see SCIENCE.md). */
	public static final int DEFAULT_MAX_EPOCHS = 20_000;
	/** A check fetches every weight, so not every epoch; 10 epochs move the weights little at lr 1e-3. */
	public static final int DEFAULT_CHECK_EVERY = 10;
	/** 100 checks of 10 epochs: stop after 1000 epochs in which no replica got better. */
	public static final int DEFAULT_PATIENCE = 100;
	/** Seed of the initial weights. */
	public static final long DEFAULT_SEED = 42;

	/** Checks every value. */
	public ReplicaTrainingSettings {
		if (!(learningRate > 0) || !Float.isFinite(learningRate))
			throw new BadInputException("The learning rate must be a positive number, got " + learningRate + ".");
		if (maxEpochs < 1) throw new BadInputException("Training needs at least one epoch, got maxEpochs=" + maxEpochs + ".");
		if (checkEvery < 1) throw new BadInputException("Validation must be checked every 1 or more epochs, got checkEvery=" + checkEvery + ".");
		if (patience < 1) throw new BadInputException("Early-stopping patience must be at least 1 check, got " + patience + ".");
	}

	/** The defaults named above. */
	public static ReplicaTrainingSettings defaults() {
		return new ReplicaTrainingSettings(DEFAULT_LEARNING_RATE, DEFAULT_MAX_EPOCHS, DEFAULT_CHECK_EVERY, DEFAULT_PATIENCE, DEFAULT_SEED);
	}

	/** A copy with another learning rate. */
	public ReplicaTrainingSettings withLearningRate(float value) {
		return new ReplicaTrainingSettings(value, maxEpochs, checkEvery, patience, seed);
	}

	/** A copy with another epoch limit. */
	public ReplicaTrainingSettings withMaxEpochs(int value) {
		return new ReplicaTrainingSettings(learningRate, value, checkEvery, patience, seed);
	}

	/** A copy with another check interval. */
	public ReplicaTrainingSettings withCheckEvery(int value) {
		return new ReplicaTrainingSettings(learningRate, maxEpochs, value, patience, seed);
	}

	/** A copy with another patience, in checks. */
	public ReplicaTrainingSettings withPatience(int value) {
		return new ReplicaTrainingSettings(learningRate, maxEpochs, checkEvery, value, seed);
	}

	/** A copy with another seed for the initial weights. */
	public ReplicaTrainingSettings withSeed(long value) {
		return new ReplicaTrainingSettings(learningRate, maxEpochs, checkEvery, patience, value);
	}
}
