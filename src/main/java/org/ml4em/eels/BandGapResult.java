package org.ml4em.eels;

/**
 * The outcome of one {@link BandGapFit}: the best {@code A·(E − Eg)^b} and how far to trust it.
 *
 * @param bandGap Eg, eV
 * @param exponent b (fixed by the gap type, or fitted)
 * @param amplitude A, intensity per eV^b, ≥ 0
 * @param chiSquared Σ ((y − model)/σ)² over the window (σ = 1 when the spectrum has none)
 * @param points number of points in the window
 * @param window the window used
 * @param onWindowEdge whether Eg sits at an end of its search range (within half a channel): the
 *     onset is then at or beyond the window's edge, and Eg is not a measurement
 * @param exponentAtLimit whether a fitted b sits at {@link GapType#MIN_FITTED_EXPONENT} or
 *     {@link GapType#MAX_FITTED_EXPONENT}; always false for a fixed b
 */
public record BandGapResult(double bandGap, double exponent, double amplitude, double chiSquared, int points, FitWindow window, boolean onWindowEdge,
	boolean exponentAtLimit)
{
	/** {@return whether neither Eg nor b sits on the edge of its search range} */
	public boolean isReliable() {
		return !onWindowEdge && !exponentAtLimit;
	}

	/**
	 * {@return χ² per degree of freedom: χ² / (points − fitted parameters)} About 1 when the
	 * spectrum's σ are right and the model fits.
	 *
	 * @param fittedParameters 2 for a fixed b (Eg, A), 3 when b was fitted
	 */
	public double reducedChiSquared(int fittedParameters) {
		return chiSquared / Math.max(1, points - fittedParameters);
	}
}
