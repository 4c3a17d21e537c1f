package org.ml4em.eels;

import org.ml4em.BadInputException;

/**
 * A measured energy-resolution function to blur the band-gap onset with: the zero-loss peak itself,
 * as weights at energies (eV, 0 at the peak), normalised to unit sum. Every inelastic electron
 * carries the ZLP's energy spread, so the onset is the single-scattering power law convolved with
 * the ZLP's own shape, wings and tail included; a Gaussian of the same FWHM leaves out the wings,
 * which spread a steep (indirect) onset below the gap, and the fitted Eg comes out low.
 *
 * <pre>
 * ResolutionKernel zlp = ResolutionKernel.of(energies, zlpCounts); // e.g. the modelled ZLP up to dE1
 * BandGapSettings s = BandGapSettings.of(GapType.INDIRECT).withResolution(zlp);
 * </pre>
 *
 * @param energies node energies, eV, strictly increasing
 * @param weights weight of each node, ≥ 0, summing to 1
 */
public record ResolutionKernel(double[] energies, double[] weights) {

	/**
	 * Checks the nodes.
	 *
	 * @param energies at least 2, strictly increasing, finite
	 * @param weights as many, finite, ≥ 0, summing to 1 within 10⁻⁶
	 */
	public ResolutionKernel {
		if (energies.length < 2 || weights.length != energies.length)
			throw new BadInputException("A resolution kernel needs at least 2 energies and one weight for each.");
		double sum = 0;
		for (int i = 0; i < energies.length; i++) {
			if (!Double.isFinite(energies[i]) || (i > 0 && !(energies[i] > energies[i - 1])))
				throw new BadInputException("The resolution kernel's energies must be finite and strictly increasing.");
			if (!(weights[i] >= 0 && Double.isFinite(weights[i]))) throw new BadInputException("The resolution kernel's weights must be finite and ≥ 0.");
			sum += weights[i];
		}
		if (Math.abs(sum - 1) > 1e-6) throw new BadInputException("The resolution kernel's weights must sum to 1, got " + sum + ".");
	}

	/**
	 * {@return the kernel of a sampled peak} Negative and non-finite samples count as 0.
	 *
	 * @param energies eV, strictly increasing
	 * @param counts the peak's intensity at each energy
	 * @throws BadInputException when nothing positive is left
	 */
	public static ResolutionKernel of(double[] energies, double[] counts) {
		double[] w = new double[counts.length];
		double sum = 0;
		for (int i = 0; i < w.length; i++) {
			w[i] = counts[i] > 0 && Double.isFinite(counts[i]) ? counts[i] : 0;
			sum += w[i];
		}
		if (!(sum > 0)) throw new BadInputException("The resolution kernel has no positive intensity.");
		for (int i = 0; i < w.length; i++) w[i] /= sum;
		return new ResolutionKernel(energies.clone(), w);
	}
}
