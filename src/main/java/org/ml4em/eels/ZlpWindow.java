package org.ml4em.eels;

/**
 * The zero-loss window [−ε, +ε] around a spectrum's ZLP maximum, and the ZLP intensity inside it.
 * <p>
 * Both work on the spectrum as seen from its own ZLP maximum: sample {@code k} is the spectrum
 * linearly interpolated at {@code peak + k}, i.e. at energy {@code k·scale} after alignment.
 * <p>
 * Automatic ε (HyperSpy's "elastic threshold" idea): the first minimum after the maximum of the
 * lightly smoothed aligned spectrum. Smoothing is a running mean over {@code 2h + 1} samples with
 * {@code h = max(1, round(FWHM / (4·scale)))}, i.e. about half the ZLP's full width at half
 * maximum, so that counting noise in the flat tail does not make a false early minimum. The search
 * starts half a FWHM after the maximum (the minimum cannot lie inside the peak) and steps right
 * until the smoothed value stops falling; ε is the energy of that sample. It gives up (NaN) past
 * {@code maxSearch} eV or at the end of the recorded range.
 */
final class ZlpWindow {

	private ZlpWindow() {}

	/**
	 * Automatic half-width of the window.
	 *
	 * @param spectrum the raw spectrum
	 * @param channels its length
	 * @param peak fractional channel of the ZLP maximum
	 * @param scale eV per channel (positive)
	 * @param maxSearch largest ε to consider, in eV
	 * @return ε in eV, or NaN when no minimum is found within {@code maxSearch}
	 */
	static double automaticHalfWidth(double[] spectrum, int channels, double peak, double scale, double maxSearch) {
		double fwhm = ZeroLossPeak.halfMaximumWidth(spectrum, channels, peak);
		int h = Double.isFinite(fwhm) ? (int) Math.max(1, Math.round(fwhm / 4)) : 1;
		int start = Double.isFinite(fwhm) ? (int) Math.max(1, Math.ceil(fwhm / 2)) : 1;
		int last = (int) Math.floor(maxSearch / scale + 1e-9);
		double current = smoothed(spectrum, channels, peak, start, h);
		for (int k = start; k < last; k++) {
			double next = smoothed(spectrum, channels, peak, k + 1, h);
			if (Double.isNaN(next) || Double.isNaN(current)) return Double.NaN;
			if (next >= current) return k * scale;
			current = next;
		}
		return Double.NaN;
	}

	/** Mean of aligned samples {@code k − h … k + h}; NaN when one lies outside the recorded range. */
	private static double smoothed(double[] spectrum, int channels, double peak, int k, int h) {
		double s = 0;
		for (int j = k - h; j <= k + h; j++) s += SpectrumSampling.at(spectrum, channels, peak + j);
		return s / (2 * h + 1);
	}

	/**
	 * ZLP intensity: the sum of the aligned samples {@code k} with {@code |k·scale| ≤ ε} (the
	 * integral of the counts over [−ε, +ε]). Samples outside the recorded range count as 0.
	 *
	 * @param spectrum the raw spectrum
	 * @param channels its length
	 * @param peak fractional channel of the ZLP maximum
	 * @param scale eV per channel (positive)
	 * @param halfWidth ε in eV
	 * @return the intensity, in counts
	 */
	static double intensity(double[] spectrum, int channels, double peak, double scale, double halfWidth) {
		// A relative tolerance keeps the sample at exactly ±ε when ε came from the automatic rule.
		int reach = (int) Math.floor(halfWidth / scale * (1 + 1e-9));
		double s = 0;
		for (int k = -reach; k <= reach; k++) {
			double v = SpectrumSampling.at(spectrum, channels, peak + k);
			if (!Double.isNaN(v)) s += v;
		}
		return s;
	}
}
