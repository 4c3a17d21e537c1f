package org.ml4em.eels;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Monte Carlo replicas of a class's inelastic spectrum that {@link BandGapEnsemble} fits:
 * replica r is the class's mean spectrum, fluctuated by its own Gaussian noise of the standard
 * error, minus ZLP replica r.
 * <p>
 * Why both: the band gap's uncertainty has two sources, the zero-loss peak under the onset (the
 * ZLP replicas' spread) and the counting noise of the onset itself (the data's standard error).
 * Subtracting each ZLP replica from one and the same spectrum propagates only the first; with few
 * counts at the onset the second dominates, and the 68 % interval came out too narrow to cover the
 * truth. Fluctuating the data per replica is what Monte Carlo replicas of the data mean (SCIENCE.md
 * section 2, step 5: Gaussian-fluctuated data), so every replica's Eg carries both.
 * <p>
 * Weights: every replica is fitted with the same σ per channel, the data's standard error and the
 * ZLP replicas' spread (half the 16–84 % range) in quadrature, plus the variance of one count per
 * pixel of the class as a floor for empty channels: where the ZLP is poorly known the onset is poorly
 * known, and such points must not steer the fit (nor, through the automatic window, pass for a
 * significant rise). Channels no pixel measured get the value 0 and no weight.
 *
 * @param values inelastic spectra {@code [replica][channel]}, kept replicas only
 * @param sigma σ {@code [replica][channel]} (one shared row)
 */
record BandGapReplicas(double[][] values, double[][] sigma) {

	/**
	 * Draws the replicas.
	 *
	 * @param data the class's mean spectrum and its standard error
	 * @param lnZlp ln I_ZLP per replica and channel, predicted for that class
	 * @param kept which ZLP replicas to use
	 * @param seed seed of the fluctuations
	 * @return one inelastic spectrum per kept replica
	 */
	static BandGapReplicas of(ClassMeanSpectrum data, float[][] lnZlp, boolean[] kept, long seed) {
		int n = data.mean().length;
		double[] sigma = sigma(data, lnZlp, kept);
		SplittableRandom random = new SplittableRandom(seed);
		double[][] values = new double[ZlpEnsemble.count(kept)][n];
		int m = 0;
		for (int r = 0; r < lnZlp.length; r++) {
			if (!kept[r]) continue;
			for (int c = 0; c < n; c++) {
				double mean = data.mean()[c], error = data.standardError()[c];
				double noise = Double.isFinite(error) ? error * random.nextGaussian() : 0;
				values[m][c] = Double.isFinite(mean) ? mean + noise - Math.exp(lnZlp[r][c]) : 0;
			}
			m++;
		}
		double[][] sigmas = new double[values.length][];
		Arrays.fill(sigmas, sigma);
		return new BandGapReplicas(values, sigmas);
	}

	private static double[] sigma(ClassMeanSpectrum data, float[][] lnZlp, boolean[] kept) {
		int n = data.mean().length;
		ZlpEnsemble bands = ZlpEnsemble.of(new double[n], data.mean(), lnZlp, kept);
		double floor = 1.0 / data.pixels();
		double[] sigma = new double[n];
		for (int c = 0; c < n; c++) {
			double error = data.standardError()[c], zlp = (bands.zlpHigh()[c] - bands.zlpLow()[c]) / 2;
			double variance = (Double.isFinite(error) ? error * error : 0) + zlp * zlp + floor;
			sigma[c] = Double.isFinite(data.mean()[c]) && Double.isFinite(variance) ? Math.sqrt(variance) : Double.MAX_VALUE;
		}
		return sigma;
	}
}
