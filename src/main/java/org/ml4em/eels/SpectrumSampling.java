package org.ml4em.eels;

/** Linear interpolation in a spectrum at fractional channel positions. */
final class SpectrumSampling {

	private SpectrumSampling() {}

	/**
	 * {@return the spectrum linearly interpolated at a fractional channel, NaN outside
	 * {@code [0, channels − 1]}}
	 */
	static double at(double[] spectrum, int channels, double position) {
		if (!(position >= 0 && position <= channels - 1)) return Double.NaN;
		int i = (int) position;
		if (i == channels - 1) return spectrum[i];
		double f = position - i;
		return spectrum[i] + f * (spectrum[i + 1] - spectrum[i]);
	}

	/** {@return the sum of the first {@code channels} values} */
	static double sum(double[] spectrum, int channels) {
		double s = 0;
		for (int c = 0; c < channels; c++) s += spectrum[c];
		return s;
	}
}
