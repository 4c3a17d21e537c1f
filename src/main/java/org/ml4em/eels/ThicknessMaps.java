package org.ml4em.eels;

/**
 * Per-pixel maps of a log-ratio thickness measurement. Every map is a {@code float[width·height]}
 * with x fastest ({@code [x + y·width]}); the arrays are shared, do not modify them. A pixel that
 * cannot be evaluated (no counts, NaN values, no zero-loss peak) is NaN in every map but
 * {@code totalIntensity}.
 *
 * @param width pixels along x
 * @param height pixels along y
 * @param thickness t/λ = ln(I_total / I_ZLP), relative thickness in inelastic mean free paths
 * @param shift energy of the ZLP maximum on the file's energy axis, in eV (the alignment shift)
 * @param zlpIntensity I_ZLP, counts inside the zero-loss window [−ε, +ε] of the aligned spectrum
 * @param totalIntensity I_total, counts summed over the whole recorded spectrum (NaN if any is NaN)
 * @param zlpHalfWidth the ε used for each pixel, in eV
 * @param medianZlpHalfWidth median of ε over evaluated pixels, in eV (the given ε when fixed)
 * @param automaticWindow whether ε was found per pixel
 * @param windowFallbackPixels pixels where the automatic rule found no minimum and the median ε
 *     of the others was used instead
 * @param unevaluatedPixels pixels whose t/λ is NaN
 */
public record ThicknessMaps(int width, int height, float[] thickness, float[] shift, float[] zlpIntensity,
	float[] totalIntensity, float[] zlpHalfWidth, double medianZlpHalfWidth, boolean automaticWindow, int windowFallbackPixels,
	int unevaluatedPixels)
{
	/**
	 * {@return t/λ of pixel (x, y), NaN if not evaluated}
	 *
	 * @param x column
	 * @param y row
	 */
	public double thicknessAt(int x, int y) {
		return thickness[x + y * width];
	}
}
