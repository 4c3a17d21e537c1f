package org.ml4em.columns.sim;

import java.util.SplittableRandom;

/** Poisson samples of detected electrons. */
final class CountingNoise {

	/** Above this mean the normal approximation is used (its error on the variance is below 2 %). */
	private static final double NORMAL_FROM = 50;

	private CountingNoise() {}

	/** {@return a Poisson sample of the mean: Knuth's product method, or rounded N(μ, μ) for large means} */
	static double poisson(double mean, SplittableRandom random) {
		if (!(mean > 0)) return 0;
		if (mean >= NORMAL_FROM) return Math.max(0, Math.rint(mean + Math.sqrt(mean) * random.nextGaussian()));
		double limit = Math.exp(-mean), product = random.nextDouble();
		int k = 0;
		while (product > limit) {
			product *= random.nextDouble();
			k++;
		}
		return k;
	}
}
