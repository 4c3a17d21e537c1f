package org.ml4em.eels;

/**
 * The weighted least-squares misfit of the onset model {@code m(E) = A·(E − Eg)^b} for
 * {@code E > Eg}, 0 below, to the points of one fit window, optionally blurred by a Gaussian
 * energy resolution ({@link BlurredPowerLaw}). For fixed (Eg, b) the model is linear in A, so the
 * best A is closed-form, {@code A = Σ w·x·y / Σ w·x²} with {@code x = (E − Eg)₊^b} (or its blur),
 * held at 0 or above (a falling onset is no onset); what remains is a search over Eg (and b).
 * Not thread-safe: it keeps the blurred table of the last b asked for.
 */
final class PowerLawOnset {

	private final double[] energies, values, weights;
	private final double sumWyy;
	/** Gaussian σ of the resolution, eV; 0 for none. */
	private final double sigma;
	/** The measured resolution function, or null for the Gaussian (or none). */
	private final ResolutionKernel kernel;
	private final double gapBelow;
	private BlurredPowerLaw blurred;

	/**
	 * @param spectrum the spectrum
	 * @param first first point of the window
	 * @param count points in it
	 * @param resolutionFwhm FWHM of the Gaussian resolution, eV; 0 for none
	 * @param kernel the measured resolution function used instead, or null
	 * @param gapBelow how far below the window's first point Eg may be searched, eV (the blurred
	 *            table then reaches that much further)
	 */
	PowerLawOnset(InelasticSpectrum spectrum, int first, int count, double resolutionFwhm, ResolutionKernel kernel, double gapBelow) {
		energies = new double[count];
		values = new double[count];
		weights = new double[count];
		double syy = 0;
		for (int i = 0; i < count; i++) {
			energies[i] = spectrum.energies()[first + i];
			values[i] = spectrum.values()[first + i];
			weights[i] = spectrum.weight(first + i);
			syy += weights[i] * values[i] * values[i];
		}
		sumWyy = syy;
		sigma = resolutionFwhm / (2 * Math.sqrt(2 * Math.log(2)));
		this.kernel = kernel;
		this.gapBelow = gapBelow;
	}

	/** {@return χ² = Σ w·(y − m)² at the best A for this Eg and b} */
	double chiSquared(double gap, double b) {
		double[] sums = sums(gap, b);
		double a = amplitude(sums);
		return Math.max(0, sumWyy - 2 * a * sums[0] + a * a * sums[1]);
	}

	/** {@return the best amplitude A for this Eg and b, ≥ 0} */
	double amplitude(double gap, double b) {
		return amplitude(sums(gap, b));
	}

	private static double amplitude(double[] sums) {
		return sums[1] > 0 ? Math.max(0, sums[0] / sums[1]) : 0;
	}

	/** Σ w·x·y and Σ w·x² over the window, x the (blurred) unit-amplitude model. */
	private double[] sums(double gap, double b) {
		double sxy = 0, sxx = 0;
		for (int i = 0; i < energies.length; i++) {
			double x = model(energies[i] - gap, b);
			sxy += weights[i] * x * values[i];
			sxx += weights[i] * x * x;
		}
		return new double[] { sxy, sxx };
	}

	/** (u)₊^b, or its blur. */
	private double model(double u, double b) {
		if (kernel != null || sigma > 0) {
			if (blurred == null || blurred.exponent() != b) {
				double maxU = energies[energies.length - 1] - energies[0] + gapBelow;
				blurred = kernel != null ? new BlurredPowerLaw(b, kernel, maxU) : new BlurredPowerLaw(b, sigma, maxU);
			}
			return blurred.value(u);
		}
		if (u <= 0) return 0;
		return b == 0.5 ? Math.sqrt(u) : Math.pow(u, b);
	}

	/** {@return the number of points} */
	int size() {
		return energies.length;
	}

	/** {@return the energy of point i, eV} */
	double energy(int i) {
		return energies[i];
	}
}
