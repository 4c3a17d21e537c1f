package org.ml4em.eels;

/**
 * The kind of band-gap onset fitted by {@link BandGapFit}: the single-scattering intensity just
 * above the gap rises as {@code (E − Eg)^b}, with b = ½ for a direct gap and b = 3/2 for an
 * indirect one (parabolic bands, dipole transitions), or b fitted freely.
 */
public enum GapType {
	/** Direct gap: b = ½. */
	DIRECT(0.5),
	/** Indirect gap: b = 3/2. */
	INDIRECT(1.5),
	/** b fitted along with Eg, within {@value #MIN_FITTED_EXPONENT} … {@value #MAX_FITTED_EXPONENT}. */
	FIT(Double.NaN);

	/** Smallest exponent a {@link #FIT} may return. */
	public static final double MIN_FITTED_EXPONENT = 0.25;
	/** Largest exponent a {@link #FIT} may return. */
	public static final double MAX_FITTED_EXPONENT = 3;

	private final double exponent;

	GapType(double exponent) {
		this.exponent = exponent;
	}

	/** {@return the fixed exponent b, NaN for {@link #FIT}} */
	public double exponent() {
		return exponent;
	}
}
