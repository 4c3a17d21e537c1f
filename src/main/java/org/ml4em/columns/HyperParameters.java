package org.ml4em.columns;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One candidate of the hyper-parameter search, a genome of four genes: U-Net depth, base filters,
 * kernel size (each from a list of choices) and the learning rate (log-uniform).
 *
 * @param depth U-Net levels, one of {@link #DEPTHS}
 * @param baseFilters filters at full resolution, one of {@link #FILTERS}
 * @param kernelSize convolution kernel side, one of {@link #KERNELS}
 * @param learningRate Adam step size, {@value #MIN_LEARNING_RATE} … {@value #MAX_LEARNING_RATE}
 */
public record HyperParameters(int depth, int baseFilters, int kernelSize, float learningRate) {

	/** The choices of each discrete gene. */
	public static final List<Integer> DEPTHS = List.of(2, 3, 4, 5), FILTERS = List.of(8, 12, 16, 24, 32), KERNELS = List.of(3, 5);

	/** Range of the learning rate. */
	public static final float MIN_LEARNING_RATE = 1e-4f, MAX_LEARNING_RATE = 1e-2f;

	/** How often each gene changes in a mutation. */
	static final double MUTATION_RATE = 0.3;

	/** {@return a candidate drawn uniformly (the learning rate log-uniformly)} */
	static HyperParameters random(SplittableRandom r) {
		return new HyperParameters(pick(DEPTHS, r), pick(FILTERS, r), pick(KERNELS, r),
			(float) (MIN_LEARNING_RATE * Math.pow(MAX_LEARNING_RATE / MIN_LEARNING_RATE, r.nextDouble())));
	}

	/** {@return a child with each gene from one parent or the other, at random} */
	HyperParameters cross(HyperParameters other, SplittableRandom r) {
		return new HyperParameters(r.nextBoolean() ? depth : other.depth, r.nextBoolean() ? baseFilters : other.baseFilters,
			r.nextBoolean() ? kernelSize : other.kernelSize, r.nextBoolean() ? learningRate : other.learningRate);
	}

	/**
	 * {@return a copy with each gene changed with probability {@value #MUTATION_RATE}}: a discrete
	 * gene moves to a neighbouring choice, the learning rate is multiplied by e^N(0, 0.5) within its range
	 */
	HyperParameters mutate(SplittableRandom r) {
		int d = r.nextDouble() < MUTATION_RATE ? step(DEPTHS, depth, r) : depth;
		int f = r.nextDouble() < MUTATION_RATE ? step(FILTERS, baseFilters, r) : baseFilters;
		int k = r.nextDouble() < MUTATION_RATE ? step(KERNELS, kernelSize, r) : kernelSize;
		float lr = learningRate;
		if (r.nextDouble() < MUTATION_RATE) {
			double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
			lr = (float) Math.max(MIN_LEARNING_RATE, Math.min(MAX_LEARNING_RATE, learningRate * Math.exp(0.5 * g)));
		}
		return new HyperParameters(d, f, k, lr);
	}

	/** {@return training settings with these hyper-parameters} @param base everything else */
	ColumnTrainingSettings applyTo(ColumnTrainingSettings base) {
		return base.withArchitecture(depth, baseFilters, kernelSize).withLearningRate(learningRate);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "depth %d, %d filters, %dx%d kernels, learning rate %.2g", depth, baseFilters, kernelSize, kernelSize, learningRate);
	}

	private static int pick(List<Integer> choices, SplittableRandom r) {
		return choices.get(r.nextInt(choices.size()));
	}

	private static int step(List<Integer> choices, int value, SplittableRandom r) {
		int i = choices.indexOf(value);
		if (i < 0) return pick(choices, r);
		int j = i == 0 ? 1 : i == choices.size() - 1 ? i - 1 : r.nextBoolean() ? i + 1 : i - 1;
		return choices.get(Math.max(0, Math.min(choices.size() - 1, j)));
	}
}
