package org.ml4em.eels;

import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringSettings;
import org.ml4em.cluster.FeatureMatrix;
import org.ml4em.cluster.GaussianMixture;

/**
 * Chooses the number of thickness classes by the Bayesian information criterion (BIC) of 1-D
 * Gaussian mixtures: for K = 1 … maxK, {@code BIC(K) = −2·ln L + (3K − 1)·ln n}, where L is the
 * mixture's maximised likelihood and 3K − 1 counts its means, variances and free weights; the
 * smallest BIC wins (the smaller K on a tie). Each thickness class of a homogeneous region is
 * close to Gaussian in ln(I_total) or t/λ (counting noise), so BIC recovers the number of
 * regions; on a continuous thickness gradient it keeps adding classes, and K is better given.
 * <p>
 * The mixtures are fitted to at most {@link #MAX_POINTS} pixels drawn at random (fixed seed), so
 * the choice costs the same on any image size. K is tried only up to one class per
 * {@link #MIN_POINTS_PER_CLASS} pixels: with fewer, a mixture can put a component on each pixel and
 * BIC then rewards it.
 */
final class ClusterCountSelection {

	/** Pixels the mixtures are fitted to; more change BIC's choice little and cost time. */
	static final int MAX_POINTS = 10_000;
	/** Restarts per mixture: 1-D mixtures of separated classes converge alike from K-means starts. */
	static final int RESTARTS = 3;
	/** Fewest pixels per class, on average, for a K to be tried. */
	static final int MIN_POINTS_PER_CLASS = 10;

	private ClusterCountSelection() {}

	/**
	 * @param feature one value per point, all finite
	 * @return BIC for K = 1 … maxK at index K − 1; +∞ for K not tried (beyond one class per
	 *     {@link #MIN_POINTS_PER_CLASS} points, or any K > 1 when the feature is constant)
	 */
	static double[] criterion(float[] feature, int maxK, long seed, int threads, Progress progress) {
		float[] sample = Sampling.reservoir(feature, MAX_POINTS, seed);
		double[] bic = new double[maxK];
		java.util.Arrays.fill(bic, Double.POSITIVE_INFINITY);
		int n = sample.length;
		bic[0] = -2 * singleGaussianLogLikelihood(sample) + 2 * Math.log(n);
		// A constant feature has nothing to split, and a mixture on it would have no variance.
		if (!(variance(sample) > 0)) return bic;
		FeatureMatrix points = FeatureMatrix.fromArray(sample, n, 1);
		for (int k = 2; k <= Math.min(maxK, n / MIN_POINTS_PER_CLASS); k++) {
			progress.status("Choosing the number of thickness classes: Gaussian mixture of " + k);
			ClusteringSettings s = ClusteringSettings.gaussianMixture(k).withSeed(seed).withRestarts(RESTARTS).withThreads(threads);
			double logLikelihood = new GaussianMixture(s).fit(points, Progress.NONE).score();
			bic[k - 1] = -2 * logLikelihood + (3 * k - 1) * Math.log(n);
			progress.checkCanceled();
			progress.fraction(k / (double) maxK);
		}
		return bic;
	}

	/** {@return the K (1-based) with the smallest criterion, the smaller K on ties} */
	static int best(double[] bic) {
		int best = 0;
		for (int k = 1; k < bic.length; k++) if (bic[k] < bic[best]) best = k;
		return best + 1;
	}

	/** The maximised log-likelihood of one Gaussian, in closed form (no EM needed for K = 1). */
	private static double singleGaussianLogLikelihood(float[] x) {
		double v = Math.max(variance(x), Double.MIN_NORMAL);
		return -0.5 * x.length * (Math.log(2 * Math.PI * v) + 1);
	}

	private static double variance(float[] x) {
		double mean = 0;
		for (float v : x) mean += v;
		mean /= x.length;
		double s = 0;
		for (float v : x) s += (v - mean) * (v - mean);
		return s / x.length;
	}
}
