package org.ml4em.eels;

import java.util.SplittableRandom;

/**
 * Reservoir sampling (Vitter's algorithm R): a uniform random subset of fixed size from a stream
 * read once, in memory proportional to the subset. The same seed gives the same subset.
 */
final class Sampling {

	private Sampling() {}

	/** {@return at most {@code max} values of {@code values}, drawn uniformly, in stream order of arrival into the reservoir} */
	static float[] reservoir(float[] values, int max, long seed) {
		if (values.length <= max) return values.clone();
		float[] kept = new float[max];
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < values.length; i++) {
			if (i < max) kept[i] = values[i];
			else {
				long j = random.nextLong(i + 1L);
				if (j < max) kept[(int) j] = values[i];
			}
		}
		return kept;
	}
}
