package org.ml4em.eels;

/**
 * The unit-area zero-loss peak shape of {@link SyntheticLowLoss}: a pseudo-Voigt (Gaussian core
 * with a Lorentzian fraction η of the same FWHM), optionally mixed with an exponentially modified
 * Gaussian that carries a share of the electrons into a tail on the energy-loss side.
 * <p>
 * The tail models what a Schottky or cold field-emission source shows in measured ZLPs: the
 * peak falls more slowly towards positive energy loss than towards negative. The tail component
 * is the Gaussian core convolved with {@code e^{−E/τ}/τ} for E ≥ 0:
 * {@code (1/2τ)·exp(σ²/2τ² − E/τ)·erfc((σ/τ − E/σ)/√2)}; it has unit area, and its maximum
 * lies a little above 0 eV, so a tail moves the peak maximum slightly towards positive loss.
 *
 * @param fwhm full width at half maximum of the pseudo-Voigt, eV, positive
 * @param lorentzianFraction η, 0 … 1
 * @param tailFraction share of the area in the tail, 0 … 1 (0: the plain pseudo-Voigt)
 * @param tailLength τ, decay length of the tail, eV, positive when {@code tailFraction > 0}
 */
record ZlpShape(double fwhm, double lorentzianFraction, double tailFraction, double tailLength) {

	/** {@return the density at energy e, eV⁻¹} */
	double density(double e) {
		double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2))), gamma = fwhm / 2;
		double gauss = Math.exp(-e * e / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
		double lorentz = gamma / Math.PI / (e * e + gamma * gamma);
		double peak = (1 - lorentzianFraction) * gauss + lorentzianFraction * lorentz;
		// Without a tail the expression stays exactly the historical one (the bundled sample depends on it).
		if (tailFraction == 0) return peak;
		return (1 - tailFraction) * peak + tailFraction * tail(e, sigma);
	}

	/** The exponentially modified Gaussian, evaluated without overflow on either side. */
	private double tail(double e, double sigma) {
		double u = (sigma / tailLength - e / sigma) / Math.sqrt(2);
		// For u ≥ 0, exp(σ²/2τ² − E/τ)·erfc(u) = exp(−E²/2σ²)·erfcx(u): both factors stay finite.
		if (u >= 0) return Math.exp(-e * e / (2 * sigma * sigma)) * scaledErfc(u) / (2 * tailLength);
		double erfc = 2 - Math.exp(-u * u) * scaledErfc(-u);
		return Math.exp(sigma * sigma / (2 * tailLength * tailLength) - e / tailLength) * erfc / (2 * tailLength);
	}

	/**
	 * erfcx(x) = e^{x²}·erfc(x) for x ≥ 0, by the Chebyshev fit of Numerical Recipes' erfcc
	 * (relative error below 1.2·10⁻⁷, ample for a simulated peak shape).
	 */
	static double scaledErfc(double x) {
		double t = 1 / (1 + 0.5 * x);
		return t * Math.exp(-1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
			+ t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
	}
}
