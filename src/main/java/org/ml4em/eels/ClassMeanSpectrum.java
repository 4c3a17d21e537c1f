package org.ml4em.eels;

import org.ml4em.BadInputException;

/**
 * The mean aligned spectrum of one thickness class, with its standard error per channel and the
 * mean total intensity of its pixels: what the band gap is fitted to.
 * <p>
 * Why the mean and not the median spectrum of {@link ClusterSpectra}: near a band-gap onset each
 * pixel records a few counts per channel, and the median of such small Poisson counts is quantised
 * and biased (below the mean by 0.1–0.2 counts at 2–5 counts per channel), which delays the apparent
 * onset and biased Eg high by about 0.1 eV. The mean of the class is the unbiased estimate of its
 * expected spectrum, and its standard error, {@code sd/√n} from the spread of the pixels themselves,
 * holds Poisson noise, read noise and any spread of thickness within the class alike.
 *
 * @param mean mean counts per channel
 * @param standardError standard error of the mean per channel (NaN where fewer than 2 pixels were measured)
 * @param meanTotalIntensity mean I_total of the class's pixels
 * @param pixels pixels of the class
 */
record ClassMeanSpectrum(double[] mean, double[] standardError, double meanTotalIntensity, int pixels) {

	/**
	 * Reads every pixel of the class once.
	 *
	 * @param aligned the zero-loss-aligned spectrum image (NaN channels are skipped)
	 * @param labels class of each pixel {@code [x + y·width]}
	 * @param totalIntensity I_total of each pixel
	 * @param c the class
	 * @return the mean spectrum
	 * @throws BadInputException when the class has no pixel
	 */
	static ClassMeanSpectrum of(SpectrumImage aligned, int[] labels, float[] totalIntensity, int c) {
		int n = aligned.channels();
		double[] sum = new double[n], sumSquares = new double[n], spectrum = new double[n];
		int[] measured = new int[n];
		double total = 0;
		int pixels = 0;
		for (int p = 0; p < labels.length; p++) {
			if (labels[p] != c) continue;
			aligned.spectrum(p % aligned.width(), p / aligned.width(), spectrum);
			for (int i = 0; i < n; i++) {
				if (Double.isNaN(spectrum[i])) continue;
				sum[i] += spectrum[i];
				sumSquares[i] += spectrum[i] * spectrum[i];
				measured[i]++;
			}
			total += totalIntensity[p];
			pixels++;
		}
		if (pixels == 0) throw new BadInputException("Thickness class " + c + " has no pixel.");
		double[] mean = new double[n], error = new double[n];
		for (int i = 0; i < n; i++) {
			int m = measured[i];
			mean[i] = m == 0 ? Double.NaN : sum[i] / m;
			double variance = m < 2 ? Double.NaN : Math.max(0, (sumSquares[i] - m * mean[i] * mean[i]) / (m - 1));
			error[i] = Math.sqrt(variance / m);
		}
		return new ClassMeanSpectrum(mean, error, total / pixels, pixels);
	}
}
