package org.ml4em.eels;

/**
 * Shifts a predicted ZLP so that its maximum lies at 0 eV, located as {@link ZeroLossAligner}
 * located the maxima of the spectra the networks were trained on ({@link ZeroLossPeak#peakIndex}).
 * <p>
 * Why: with acquisition settings as extra inputs, every training spectrum's peak sits at 0 eV, but
 * nothing in a network ties the peak there between the settings it was trained on. Interpolated
 * at 0.1 s between 0.05 and 0.2 s, replicas' peaks came out −0.15 … +0.02 eV off (ZlpConditionsTest),
 * so the truth lay within the replicas' band in 44 % and 13 % of the ZLP's channels; re-centred,
 * in 92 % and 87 %. At the trained settings the shifts were at most 0.024 eV, under a channel.
 */
final class PeakRecentring {

	private PeakRecentring() {}

	/**
	 * Re-centres ln ZLP values in place, by linear interpolation of the logarithm
	 * ({@link SpectrumSampling#at}); values beyond the ends repeat the end value. A row without a
	 * usable maximum is left as it is.
	 *
	 * @param lnZlp ln counts per channel
	 * @param channels how many leading values are the prediction
	 * @param energies ΔE of each channel, eV, evenly spaced
	 */
	static void recentre(float[] lnZlp, int channels, double[] energies) {
		if (channels < 3) return;
		double[] counts = new double[channels], source = new double[channels];
		for (int i = 0; i < channels; i++) {
			source[i] = lnZlp[i];
			counts[i] = Math.exp(lnZlp[i]);
		}
		double shift = ZeroLossPeak.peakIndex(counts, channels) + energies[0] / (energies[1] - energies[0]);
		if (!Double.isFinite(shift) || shift == 0) return;
		for (int i = 0; i < channels; i++)
			lnZlp[i] = (float) SpectrumSampling.at(source, channels, Math.max(0, Math.min(channels - 1, i + shift)));
	}
}
