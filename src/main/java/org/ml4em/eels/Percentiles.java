package org.ml4em.eels;

/**
 * Percentiles by linear interpolation between order statistics (NumPy's default "linear"
 * method): the p-th percentile of n sorted values is at position {@code (n − 1)·p/100}.
 */
final class Percentiles {

	private Percentiles() {}

	/**
	 * @param sorted values in ascending order, no NaN
	 * @param n how many of them to use
	 * @param percent 0 … 100
	 * @return the percentile, NaN when n is 0
	 */
	static double of(double[] sorted, int n, double percent) {
		if (n == 0) return Double.NaN;
		double position = (n - 1) * percent / 100;
		int lo = (int) Math.floor(position);
		if (lo >= n - 1) return sorted[n - 1];
		return sorted[lo] + (position - lo) * (sorted[lo + 1] - sorted[lo]);
	}
}
