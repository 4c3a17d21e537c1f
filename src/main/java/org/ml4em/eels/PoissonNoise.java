package org.ml4em.eels;

import java.util.SplittableRandom;

/**
 * Poisson random numbers: Knuth's multiplication method for small means and Hörmann's
 * transformed rejection with squeeze (PTRS, 1993) for means of 10 and more, which costs about
 * the same for any mean.
 */
final class PoissonNoise {

	private static final int SMALL_MEAN = 10;
	private static final int EXACT_FACTORIALS = 20;
	private static final double[] LOG_FACTORIAL = new double[EXACT_FACTORIALS];

	static {
		for (int k = 1; k < EXACT_FACTORIALS; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
	}

	private PoissonNoise() {}

	/** {@return a Poisson-distributed count of the given mean; 0 for a mean ≤ 0} */
	static long sample(double mean, SplittableRandom random) {
		if (!(mean > 0)) return 0;
		return mean < SMALL_MEAN ? multiplication(mean, random) : transformedRejection(mean, random);
	}

	private static long multiplication(double mean, SplittableRandom random) {
		double limit = Math.exp(-mean), product = random.nextDouble();
		long k = 0;
		while (product > limit) {
			k++;
			product *= random.nextDouble();
		}
		return k;
	}

	private static long transformedRejection(double mean, SplittableRandom random) {
		double root = Math.sqrt(mean), logMean = Math.log(mean);
		double b = 0.931 + 2.53 * root, a = -0.059 + 0.02483 * b;
		double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4), squeeze = 0.9277 - 3.6224 / (b - 2);
		while (true) {
			double u = random.nextDouble() - 0.5, v = random.nextDouble();
			double us = 0.5 - Math.abs(u);
			long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
			// Most draws are accepted by the cheap squeeze test.
			if (us >= 0.07 && v <= squeeze) return k;
			if (k < 0 || (us < 0.013 && v > us)) continue;
			double logAccept = Math.log(v * inverseAlpha / (a / (us * us) + b));
			if (logAccept <= -mean + k * logMean - logFactorial(k)) return k;
		}
	}

	/** ln k!: exact below 20, Stirling's series (error below 1e-13) above. */
	static double logFactorial(long k) {
		if (k < EXACT_FACTORIALS) return LOG_FACTORIAL[(int) k];
		double x = k, inv = 1 / x, inv2 = inv * inv;
		return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
	}
}
