package org.ml4em.columns;

import java.util.function.Consumer;

import org.ml4em.BadInputException;

/**
 * How {@link ColumnFinderTrainer} trains the column finder's U-Net on simulated images.
 *
 * <pre>
 * ColumnTrainingSettings s = ColumnTrainingSettings.defaults().withSteps(20_000).withSeed(7);
 * </pre>
 *
 * @param depth U-Net resolution levels, 1 … 6
 * @param baseFilters filters at full resolution (16 gives 16/32/64/128 at depth 4)
 * @param kernelSize convolution kernel side, odd
 * @param learningRate Adam step size
 * @param steps Adam steps
 * @param batch patches per step
 * @param patchSize patch side, pixels, a multiple of 2^(depth − 1)
 * @param pool simulated patches kept for drawing batches from
 * @param freshPerStep new simulated patches replacing old ones in the pool at every step
 * @param validationImages simulated images (256 × 256) the F1 is measured on
 * @param validateEvery steps between F1 measurements, checkpoints and progress reports
 * @param seed seed of the initial weights, of the training images and of the batches (the
 *            validation images have seeds of their own, fixed)
 */
public record ColumnTrainingSettings(int depth, int baseFilters, int kernelSize, float learningRate, int steps, int batch, int patchSize, int pool,
	int freshPerStep, int validationImages, int validateEvery, long seed) {

	/** The shipped model's architecture: 16/32/64/128 filters, 3 × 3 kernels, 535 556 weights. */
	public static final int DEFAULT_DEPTH = 4, DEFAULT_BASE_FILTERS = 16, DEFAULT_KERNEL_SIZE = 3;
	/** Adam's usual step size. */
	public static final float DEFAULT_LEARNING_RATE = 1e-3f;
	/** About an hour on 2 CPU cores. */
	public static final int DEFAULT_STEPS = 16_000;
	/** 8 patches of 128² pixels: 6 to 26 Å across over the pixel sizes trained for, several lattice periods. */
	public static final int DEFAULT_BATCH = 8, DEFAULT_PATCH_SIZE = 128;
	/** Each patch is drawn about 4 times (in one of its 8 flips and rotations) before it is replaced. */
	public static final int DEFAULT_POOL = 128, DEFAULT_FRESH_PER_STEP = 2;
	/** Validation on 24 images every 250 steps. */
	public static final int DEFAULT_VALIDATION_IMAGES = 24, DEFAULT_VALIDATE_EVERY = 250;
	/** Seed of the shipped model. */
	public static final long DEFAULT_SEED = 42;

	/** Checks every value. */
	public ColumnTrainingSettings {
		int multiple = 1 << Math.max(0, depth - 1);
		if (steps < 1 || batch < 1 || validateEvery < 1 || validationImages < 1)
			throw new BadInputException("steps, batch, validate_every and validation_images must be at least 1.");
		if (patchSize < 16 || patchSize % multiple != 0)
			throw new BadInputException("patch_size=" + patchSize + "; expected at least 16 and a multiple of " + multiple + " for depth " + depth + ".");
		if (pool < batch || freshPerStep < 0 || freshPerStep > pool)
			throw new BadInputException("The pool of " + pool + " patches must hold a batch (" + batch + ") and at most " + pool + " fresh patches per step.");
		if (!(learningRate > 0) || !Float.isFinite(learningRate))
			throw new BadInputException("The learning rate must be a positive number, got " + learningRate + ".");
	}

	/** The settings the shipped model was trained with. */
	public static ColumnTrainingSettings defaults() {
		return new ColumnTrainingSettings(DEFAULT_DEPTH, DEFAULT_BASE_FILTERS, DEFAULT_KERNEL_SIZE, DEFAULT_LEARNING_RATE, DEFAULT_STEPS, DEFAULT_BATCH,
			DEFAULT_PATCH_SIZE, DEFAULT_POOL, DEFAULT_FRESH_PER_STEP, DEFAULT_VALIDATION_IMAGES, DEFAULT_VALIDATE_EVERY, DEFAULT_SEED);
	}

	/** A copy with another architecture. */
	public ColumnTrainingSettings withArchitecture(int d, int filters, int kernel) {
		return with(c -> {
			c.depth = d;
			c.baseFilters = filters;
			c.kernelSize = kernel;
		});
	}

	/** A copy with another learning rate. */
	public ColumnTrainingSettings withLearningRate(float lr) {
		return with(c -> c.learningRate = lr);
	}

	/** A copy with another number of steps. */
	public ColumnTrainingSettings withSteps(int n) {
		return with(c -> c.steps = n);
	}

	/** A copy with other batches: patches per step, their size, the pool and its renewal. */
	public ColumnTrainingSettings withBatches(int perStep, int size, int poolSize, int fresh) {
		return with(c -> {
			c.batch = perStep;
			c.patchSize = size;
			c.pool = poolSize;
			c.freshPerStep = fresh;
		});
	}

	/** A copy with other patches per step and patch size, the pool at least {@value #DEFAULT_POOL} and holding a batch, renewed as by default. */
	public ColumnTrainingSettings withBatch(int perStep, int size) {
		return withBatches(perStep, size, Math.max(DEFAULT_POOL, perStep), DEFAULT_FRESH_PER_STEP);
	}

	/** A copy with another validation. */
	public ColumnTrainingSettings withValidation(int images, int every) {
		return with(c -> {
			c.validationImages = images;
			c.validateEvery = every;
		});
	}

	/** A copy with another seed. */
	public ColumnTrainingSettings withSeed(long s) {
		return with(c -> c.seed = s);
	}

	private ColumnTrainingSettings with(Consumer<Copy> change) {
		Copy copy = new Copy(this);
		change.accept(copy);
		return copy.build();
	}

	/** A mutable copy of the settings, so that each wither names only what it changes (as {@code AtomicImageSettings} does). */
	private static final class Copy {
		int depth, baseFilters, kernelSize, steps, batch, patchSize, pool, freshPerStep, validationImages, validateEvery;
		float learningRate;
		long seed;

		Copy(ColumnTrainingSettings s) {
			depth = s.depth;
			baseFilters = s.baseFilters;
			kernelSize = s.kernelSize;
			learningRate = s.learningRate;
			steps = s.steps;
			batch = s.batch;
			patchSize = s.patchSize;
			pool = s.pool;
			freshPerStep = s.freshPerStep;
			validationImages = s.validationImages;
			validateEvery = s.validateEvery;
			seed = s.seed;
		}

		ColumnTrainingSettings build() {
			return new ColumnTrainingSettings(depth, baseFilters, kernelSize, learningRate, steps, batch, patchSize, pool, freshPerStep, validationImages,
				validateEvery, seed);
		}
	}
}
