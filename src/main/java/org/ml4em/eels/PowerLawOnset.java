package org.ml4em.eels;

/**
 * The weighted least-squares misfit of the onset model {@code m(E) = A·(E − Eg)^b} for
 * {@code E > Eg}, 0 below, to the points of one fit window, optionally blurred by a Gaussian
 * energy resolution ({@link BlurredPowerLaw}). For fixed (Eg, b) the model is linear in A, so the
 * best A is closed-form, {@code A = Σ w·x·y / Σ w·x²} with {@code x = (E − Eg)₊^b} (or its blur),
 * held at 0 or above (a falling onset is no onset); what remains is a search over Eg (and b).
 * <p>
 * With curvature the model is {@code A·(E − Eg)^b + B·(E − Eg)^(b+1)}, still linear, in (A, B):
 * a 2 × 2 least-squares solve for B of either sign, the first-order bend of an onset that
 * saturates or steepens inside the window, kept only where A &gt; 0 (else the plain law's fit).
 * Not thread-safe: it keeps the blurred tables of the last b asked for.
 */
final class PowerLawOnset {

	private final double[] energies, values, weights;
	private final double sumWyy;
	/** Gaussian σ of the resolution, eV; 0 for none. */
	private final double sigma;
	/** The measured resolution function, or null for the Gaussian (or none). */
	private final ResolutionKernel kernel;
	private final double gapBelow;
	private final boolean curved;
	private BlurredPowerLaw blurred, blurredNext;

	/**
	 * @param spectrum the spectrum
	 * @param first first point of the window
	 * @param count points in it
	 * @param resolutionFwhm FWHM of the Gaussian resolution, eV; 0 for none
	 * @param kernel the measured resolution function used instead, or null
	 * @param gapBelow how far below the window's first point Eg may be searched, eV (the blurred
	 *            table then reaches that much further)
	 * @param curved whether the model has the curvature term B·(E − Eg)^(b+1)
	 */
	PowerLawOnset(InelasticSpectrum spectrum, int first, int count, double resolutionFwhm, ResolutionKernel kernel, double gapBelow,
		boolean curved) {
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
		this.curved = curved;
	}

	/** {@return χ² = Σ w·(y − m)² at the best amplitudes for this Eg and b} */
	double chiSquared(double gap, double b) {
		Fit f = fit(gap, b);
		return Math.max(0, sumWyy - 2 * (f.a * f.sxy + f.bend * f.szy) + f.a * f.a * f.sxx + 2 * f.a * f.bend * f.sxz + f.bend * f.bend * f.szz);
	}

	/** {@return the best amplitude A for this Eg and b, ≥ 0} */
	double amplitude(double gap, double b) {
		return fit(gap, b).a;
	}

	/** The window's weighted sums of the model terms x, z and the data y, and the amplitudes A and B (bend). */
	private record Fit(double sxx, double sxz, double szz, double sxy, double szy, double a, double bend) {}

	/** A ≥ 0 and, with curvature, B, from the normal equations of the window. */
	private Fit fit(double gap, double b) {
		double sxx = 0, sxz = 0, szz = 0, sxy = 0, szy = 0;
		for (int i = 0; i < energies.length; i++) {
			double x = model(energies[i] - gap, b), w = weights[i];
			sxx += w * x * x;
			sxy += w * x * values[i];
			if (curved) {
				double z = curvature(energies[i] - gap, b);
				sxz += w * x * z;
				szz += w * z * z;
				szy += w * z * values[i];
			}
		}
		double plain = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
		double det = sxx * szz - sxz * sxz;
		// x and z are nearly proportional when Eg lies far below a short window: one term then
		if (!curved || !(det > 1e-12 * sxx * szz)) return new Fit(sxx, sxz, szz, sxy, szy, plain, 0);
		double a = (sxy * szz - szy * sxz) / det;
		// The onset must start as A·(E − Eg)^b: where the bend would take all of it, the plain law
		return a > 0 ? new Fit(sxx, sxz, szz, sxy, szy, a, (sxx * szy - sxz * sxy) / det) : new Fit(sxx, sxz, szz, sxy, szy, plain, 0);
	}

	/** (u)₊^b, or its blur. */
	private double model(double u, double b) {
		if (kernel != null || sigma > 0) {
			if (blurred == null || blurred.exponent() != b) blurred = blurredTable(b);
			return blurred.value(u);
		}
		if (u <= 0) return 0;
		return b == 0.5 ? Math.sqrt(u) : Math.pow(u, b);
	}

	/** (u)₊^(b+1), or its blur. */
	private double curvature(double u, double b) {
		if (kernel != null || sigma > 0) {
			if (blurredNext == null || blurredNext.exponent() != b + 1) blurredNext = blurredTable(b + 1);
			return blurredNext.value(u);
		}
		return u <= 0 ? 0 : Math.pow(u, b + 1);
	}

	private BlurredPowerLaw blurredTable(double exponent) {
		double maxU = energies[energies.length - 1] - energies[0] + gapBelow;
		return kernel != null ? new BlurredPowerLaw(exponent, kernel, maxU) : new BlurredPowerLaw(exponent, sigma, maxU);
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
