package org.ml4em.eels;

/**
 * A spectrum image: one energy-loss spectrum per pixel of a {@code width × height} scan.
 * <p>
 * Spectra are read one at a time with {@link #spectrum(int, int, double[])}, so an implementation
 * may keep its values in a memory-mapped file, compute them, or resample another spectrum image on
 * the fly; callers must never assume the whole data set fits in memory. Implementations are safe
 * to read from several threads at once.
 *
 * <pre>
 * SpectrumImage si = SyntheticLowLoss.defaults().generate(ThicknessMap.uniform(8, 8, 0.5));
 * double[] spectrum = new double[si.channels()];
 * si.spectrum(3, 4, spectrum);
 * double firstEnergy = si.energyAxis().energy(0); // eV
 * </pre>
 *
 * Files are read as spectrum images by {@code org.ml4em.commands.SignalSpectra}, which keeps
 * their values in place.
 */
public interface SpectrumImage {

	/** {@return the number of pixels along x, at least 1} */
	int width();

	/** {@return the number of pixels along y, at least 1} */
	int height();

	/** {@return the number of energy channels per spectrum, at least 1} */
	int channels();

	/**
	 * {@return the energy axis, in eV: channel {@code c} lies at {@code energy(c)}} Its number of
	 * channels equals {@link #channels()}.
	 */
	EnergyAxis energyAxis();

	/**
	 * Reads the spectrum of one pixel.
	 *
	 * @param x column, 0 … width − 1
	 * @param y row, 0 … height − 1
	 * @param dst receives the {@link #channels()} values from index 0 (counts per channel; NaN where
	 *     a value is missing); its length must be at least {@code channels()}
	 */
	void spectrum(int x, int y, double[] dst);

	/** {@return the number of pixels, {@code width × height}} */
	default long pixels() {
		return (long) width() * height();
	}
}
