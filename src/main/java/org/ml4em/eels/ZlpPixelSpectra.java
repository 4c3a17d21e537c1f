package org.ml4em.eels;

/**
 * The ZLP and the inelastic signal of every pixel, median and 68 % band over the kept replicas
 * ({@link ZlpPixelAnalysis#spectra}), on the zero-loss-aligned energy axis. Each array holds
 * {@code channels} values per pixel, the pixel at (x, y) from {@code (x + y·width)·channels}; NaN
 * where a pixel has no counts.
 *
 * @param width pixels per row
 * @param height rows
 * @param energy the aligned energy axis
 * @param zlpMedian median ZLP, counts
 * @param zlpLow 16th percentile of the ZLP
 * @param zlpHigh 84th percentile of the ZLP
 * @param inelasticMedian median of spectrum − ZLP
 * @param inelasticLow 16th percentile of spectrum − ZLP
 * @param inelasticHigh 84th percentile of spectrum − ZLP
 */
public record ZlpPixelSpectra(int width, int height, EnergyAxis energy, float[] zlpMedian, float[] zlpLow, float[] zlpHigh, float[] inelasticMedian,
	float[] inelasticLow, float[] inelasticHigh)
{

	/** The quantities' names, in the order of {@link #all()}, as files are named after them. */
	public static final String[] NAMES = { "zlp_median", "zlp_low", "zlp_high", "inelastic_median", "inelastic_low", "inelastic_high" };

	/** {@return the six spectrum images in the order of {@link #NAMES}} */
	public float[][] all() {
		return new float[][] { zlpMedian, zlpLow, zlpHigh, inelasticMedian, inelasticLow, inelasticHigh };
	}
}
