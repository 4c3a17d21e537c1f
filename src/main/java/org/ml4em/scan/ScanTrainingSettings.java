package org.ml4em.scan;

import org.ml4em.BadInputException;

/**
 * What Train Scan Completer trains and how.
 *
 * @param steps training steps (batches)
 * @param batch patches per step
 * @param patchSize side of the square training patches, pixels (a multiple of the U-Net's size multiple)
 * @param learningRate Adam step size of generator and critic
 * @param adversarialWeight weight of the LSGAN term against the reconstruction term
 * @param depth U-Net resolution levels
 * @param baseFilters U-Net filters at full resolution
 * @param minCoverage lowest nominal coverage of the training scans
 * @param maxCoverage highest nominal coverage of the training scans
 * @param latticeShare share of simulated atomic lattices among the simulated patches (the others are low-magnification scenes)
 * @param validateEvery steps between validations
 * @param validationImages patches in the fixed validation set
 * @param seed seed of the weights, the patches and the scans
 */
public record ScanTrainingSettings(int steps, int batch, int patchSize, float learningRate, float adversarialWeight, int depth, int baseFilters,
	double minCoverage, double maxCoverage, double latticeShare, int validateEvery, int validationImages, long seed) {

	/** Checks the ranges. */
	public ScanTrainingSettings {
		if (steps < 1) throw new BadInputException("steps must be at least 1, got " + steps + ".");
		if (batch < 1 || batch > 256) throw new BadInputException("batch must be 1 … 256, got " + batch + ".");
		if (patchSize < 32 || patchSize > 2048) throw new BadInputException("patch_size must be 32 … 2048 pixels, got " + patchSize + ".");
		if (!(learningRate > 0 && learningRate < 1)) throw new BadInputException("learning_rate must lie in (0, 1), got " + learningRate + ".");
		if (!(adversarialWeight >= 0)) throw new BadInputException("adversarial_weight must be at least 0, got " + adversarialWeight + ".");
		if (!(minCoverage > 0 && minCoverage <= maxCoverage && maxCoverage <= 1)) throw new BadInputException("The coverages must satisfy 0 < min_coverage ≤ max_coverage ≤ 1, got "
			+ minCoverage + " and " + maxCoverage + ".");
		if (!(latticeShare >= 0 && latticeShare <= 1)) throw new BadInputException("lattice_share must lie in 0 … 1, got " + latticeShare + ".");
		if (validateEvery < 1) throw new BadInputException("validate_every must be at least 1, got " + validateEvery + ".");
		if (validationImages < 1) throw new BadInputException("validation_images must be at least 1, got " + validationImages + ".");
	}

	/**
	 * The defaults of Train Scan Completer: the shipped model's first stage, whose second stage
	 * continued it on scenes alone in smaller patches (README, "The shipped model").
	 */
	public static ScanTrainingSettings defaults() {
		return new ScanTrainingSettings(4_000, 4, 256, 5e-4f, 0.01f, 5, 16, 0.01, 0.1, 0.2, 250, 12, 42);
	}

	/** {@return these settings with other step counts} */
	public ScanTrainingSettings withSteps(int steps, int validateEvery) {
		return new ScanTrainingSettings(steps, batch, patchSize, learningRate, adversarialWeight, depth, baseFilters, minCoverage, maxCoverage, latticeShare, validateEvery,
			validationImages, seed);
	}
}
