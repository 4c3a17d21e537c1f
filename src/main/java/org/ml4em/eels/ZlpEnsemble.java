package org.ml4em.eels;

import java.util.Arrays;

/**
 * What an ensemble of zero-loss-peak replicas says about one spectrum: the ZLP and the inelastic
 * signal {@code I − I_ZLP} as median and 68 % band (16th–84th percentile over the kept replicas,
 * channel by channel).
 * <p>
 * Outlier replicas — those whose validation χ² lies more than {@value #OUTLIER_MADS} robust
 * standard deviations (1.4826 · median absolute deviation) above the ensemble's median, or is not
 * finite — are rejected before anything is averaged: a replica stuck in a bad minimum would
 * otherwise widen the bands. They are counted, never silently averaged in.
 *
 * @param energies energy of each channel, eV
 * @param zlpMedian median ZLP, counts
 * @param zlpLow 16th percentile of the ZLP
 * @param zlpHigh 84th percentile of the ZLP
 * @param inelasticMedian median of {@code I − I_ZLP}
 * @param inelasticLow 16th percentile of {@code I − I_ZLP}
 * @param inelasticHigh 84th percentile of {@code I − I_ZLP}
 * @param kept which replicas were used
 */
public record ZlpEnsemble(double[] energies, double[] zlpMedian, double[] zlpLow, double[] zlpHigh, double[] inelasticMedian,
	double[] inelasticLow, double[] inelasticHigh, boolean[] kept)
{

	/** How far above the median χ² (in robust standard deviations) a replica is an outlier. */
	public static final double OUTLIER_MADS = 5;

	/**
	 * Largest best validation χ² per point of a replica that has fitted its data: σ is the class's
	 * own spread, so a ZLP that runs within it gives about 1, and one that misses the data by 2σ on
	 * average gives 4. A replica above this has not learnt the peak (too few epochs, a stalled start)
	 * and is never used, however many of the others share its fate.
	 */
	public static final double FITTED_CHI2 = 4;

	/** {@return the number of replicas used} */
	public int keptCount() {
		return count(kept);
	}

	/** {@return how many replicas are kept} @param kept per replica */
	static int count(boolean[] kept) {
		int n = 0;
		for (boolean k : kept)
			if (k)
				n++;
		return n;
	}

	/**
	 * Which replicas to keep.
	 *
	 * @param chi2 validation χ² per replica
	 * @return true for replicas within {@value #OUTLIER_MADS} robust standard deviations of the median
	 */
	public static boolean[] keep(double[] chi2) {
		double[] finite = Arrays.stream(chi2).filter(Double::isFinite).sorted().toArray();
		boolean[] kept = new boolean[chi2.length];
		if (finite.length == 0)
			return kept;
		double median = Percentiles.of(finite, finite.length, 50);
		double[] deviation = Arrays.stream(finite).map(v -> Math.abs(v - median)).sorted().toArray();
		double robustSd = 1.4826 * Percentiles.of(deviation, deviation.length, 50);
		// A perfectly agreeing ensemble (MAD 0) keeps replicas within a relative hair of the median.
		double limit = median + Math.max(OUTLIER_MADS * robustSd, 1e-6 * Math.abs(median));
		for (int r = 0; r < chi2.length; r++)
			kept[r] = Double.isFinite(chi2[r]) && chi2[r] <= limit;
		return kept;
	}

	/**
	 * Which replicas fitted their data.
	 *
	 * @param chi2 best validation χ² per point, per replica
	 * @return true where it is at most {@value #FITTED_CHI2}
	 */
	public static boolean[] fitted(double[] chi2) {
		boolean[] fitted = new boolean[chi2.length];
		for (int r = 0; r < chi2.length; r++)
			fitted[r] = chi2[r] <= FITTED_CHI2;
		return fitted;
	}

	/**
	 * The bands of one spectrum.
	 *
	 * @param energies energy of each channel, eV
	 * @param spectrum the measured counts per channel (e.g. a class's median spectrum, or a pixel's)
	 * @param lnZlp predicted ln I_ZLP per replica and channel, {@code [replica][channel]}
	 * @param kept which replicas to use (see {@link #keep})
	 * @return the bands; NaN everywhere when no replica is kept
	 */
	public static ZlpEnsemble of(double[] energies, double[] spectrum, float[][] lnZlp, boolean[] kept) {
		int n = energies.length;
		double[] zlp = new double[lnZlp.length], inelastic = new double[lnZlp.length];
		double[][] bands = new double[6][n];
		for (int c = 0; c < n; c++) {
			int m = 0;
			for (int r = 0; r < lnZlp.length; r++)
				if (kept[r]) {
					zlp[m] = Math.exp(lnZlp[r][c]);
					inelastic[m] = spectrum[c] - zlp[m];
					m++;
				}
			Arrays.sort(zlp, 0, m);
			Arrays.sort(inelastic, 0, m);
			double[] percent = { 50, 16, 84 };
			for (int p = 0; p < 3; p++) {
				bands[p][c] = Percentiles.of(zlp, m, percent[p]);
				bands[3 + p][c] = Percentiles.of(inelastic, m, percent[p]);
			}
		}
		return new ZlpEnsemble(energies, bands[0], bands[1], bands[2], bands[3], bands[4], bands[5], kept.clone());
	}
}
