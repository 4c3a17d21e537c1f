package org.ml4em.eels;

import org.ml4em.BadInputException;

/**
 * One inelastic spectrum, the measured spectrum minus its zero-loss peak, as the band-gap fit
 * takes it: energies in increasing order (eV), intensities (counts, may be negative where noise
 * or an imperfect subtraction leaves them so), and optionally the standard deviation of each
 * intensity. The arrays are shared; do not modify them.
 *
 * <pre>
 * double[] inelastic = new double[n];
 * for (int c = 0; c &lt; n; c++) inelastic[c] = measured[c] - zeroLoss[c];
 * InelasticSpectrum s = new InelasticSpectrum(energies, inelastic, sigma); // or without sigma
 * </pre>
 *
 * @param energies eV, strictly increasing, finite
 * @param values intensity at each energy, finite
 * @param sigma standard deviation of each value, positive and finite; null when unknown (then
 *     every point weighs the same, and the automatic window estimates the noise from the data)
 */
public record InelasticSpectrum(double[] energies, double[] values, double[] sigma) {

	/**
	 * Checks lengths and values.
	 *
	 * @param energies eV, strictly increasing, finite, at least 2
	 * @param values as many finite values
	 * @param sigma as many positive, finite values, or null
	 * @throws BadInputException naming the first fault found
	 */
	public InelasticSpectrum {
		int n = energies.length;
		if (n < 2) throw new BadInputException("An inelastic spectrum needs at least 2 points, got " + n + ".");
		if (values.length != n) throw new BadInputException("The spectrum has " + n + " energies but " + values.length + " values.");
		if (sigma != null && sigma.length != n) throw new BadInputException("The spectrum has " + n + " energies but " + sigma.length + " σ values.");
		for (int i = 0; i < n; i++) {
			if (!Double.isFinite(energies[i]) || (i > 0 && !(energies[i] > energies[i - 1])))
				throw new BadInputException("Energies must be finite and strictly increasing; point " + i + " is " + energies[i] + " eV.");
			if (!Double.isFinite(values[i])) throw new BadInputException("Value " + i + " (at " + energies[i] + " eV) is " + values[i] + "; all must be finite.");
			if (sigma != null && !(sigma[i] > 0 && Double.isFinite(sigma[i])))
				throw new BadInputException("The σ of point " + i + " (at " + energies[i] + " eV) is " + sigma[i] + "; all must be positive and finite.");
		}
	}

	/**
	 * An unweighted spectrum.
	 *
	 * @param energies eV, strictly increasing
	 * @param values intensities
	 */
	public InelasticSpectrum(double[] energies, double[] values) {
		this(energies, values, null);
	}

	/** {@return whether each value carries its own σ} */
	public boolean hasSigma() {
		return sigma != null;
	}

	/** {@return the number of points} */
	public int size() {
		return energies.length;
	}

	/** {@return the weight 1/σ² of point i, 1 without σ} @param i point */
	double weight(int i) {
		return sigma == null ? 1 : 1 / (sigma[i] * sigma[i]);
	}
}
