package org.ml4em.eels;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;

/**
 * The band-gap fit of the pixels of one thickness class ({@link ZlpPixelAnalysis}): the class's
 * window, the gap type, and the class's ZLP width as resolution (the rule {@link ZlpAnalysis} uses
 * for the class itself). Only the window's channels are touched, which keeps a fit cheap and lets
 * unmeasured (NaN) channels elsewhere in a pixel's aligned spectrum pass. Thread-safe.
 */
final class PixelGapFit {

	private final BandGapFit fit;
	private final FitWindow window;
	private final int first;
	private final double[] energies;

	private PixelGapFit(BandGapFit fit, FitWindow window, int first, double[] energies) {
		this.fit = fit;
		this.window = window;
		this.first = first;
		this.energies = energies;
	}

	/**
	 * {@return the fit for a class's pixels, or null when there is no window: the window is automatic
	 * and the class itself has no band gap}
	 *
	 * @param gap gap type and (optional) window
	 * @param c the class's result
	 * @param classMedian the class's median aligned spectrum, for the resolution
	 * @param energies aligned energy of each channel, eV
	 */
	static PixelGapFit of(BandGapSettings gap, ZlpClassResult c, double[] classMedian, double[] energies) {
		FitWindow window = gap.hasAutomaticWindow() ? (c.hasBandGap() ? c.bandGap().window() : null) : gap.window();
		if (window == null)
			return null;
		double peak = ZeroLossPeak.peakIndex(classMedian, classMedian.length);
		double fwhm = ZeroLossPeak.halfMaximumWidth(classMedian, classMedian.length, peak) * (energies[1] - energies[0]);
		// The class's automatic window starts at or above dE1, where its data start: Eg may lie below it as for the class.
		BandGapSettings base = ZlpAnalysis.withGapBelowDe1(gap);
		BandGapSettings settings = (Double.isFinite(fwhm) && fwhm < BandGapSettings.MAX_RESOLUTION_FWHM ? base.withResolution(fwhm) : base).withWindow(window);
		int first = 0;
		while (first < energies.length && energies[first] < window.low())
			first++;
		int end = first;
		while (end < energies.length && energies[end] <= window.high())
			end++;
		return new PixelGapFit(new BandGapFit(settings), window, first, Arrays.copyOfRange(energies, first, end));
	}

	/** {@return the first channel of the window} */
	int first() {
		return first;
	}

	/** {@return one past the last channel of the window} */
	int end() {
		return first + energies.length;
	}

	/**
	 * One replica's Eg of a pixel: its counts redrawn (Gaussian, σ = √max(counts, 1)), the replica's
	 * ZLP subtracted, fitted in the window.
	 *
	 * @param spectrum the pixel's aligned spectrum, all channels
	 * @param lnZlp the replica's ln I_ZLP, all channels (−∞ where there is no ZLP)
	 * @param random the pixel's random stream
	 * @return Eg, eV, or NaN when the fit is refused or unreliable, or the window holds unmeasured channels
	 */
	double bandGap(double[] spectrum, float[] lnZlp, SplittableRandom random) {
		int n = energies.length;
		if (n < 2)
			return Double.NaN;
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			double s = spectrum[first + i];
			if (!Double.isFinite(s))
				return Double.NaN;
			values[i] = s + Math.sqrt(Math.max(s, 1)) * random.nextGaussian() - Math.exp(lnZlp[first + i]);
		}
		try {
			BandGapResult r = fit.fit(new InelasticSpectrum(energies, values, null), window);
			return r.isReliable() ? r.bandGap() : Double.NaN;
		}
		catch (BadInputException refused) {
			return Double.NaN;
		}
	}
}
