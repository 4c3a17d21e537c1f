package org.ml4em.eels;

/**
 * How the network's two inputs, energy loss ΔE and ln of the integrated intensity, are mapped to
 * [0.1, 0.9] (EELSfitter's scaling: sigmoid units work best away from 0 and 1). The same mapping
 * must be used for training and for every later prediction, so it is stored with the model.
 *
 * @param energyMin ΔE mapped to 0.1, eV
 * @param energyMax ΔE mapped to 0.9, eV: the end of the modelled range, beyond which the ZLP is zero
 * @param logIntensityMin ln I_total mapped to 0.1
 * @param logIntensityMax ln I_total mapped to 0.9 (equal to the minimum when all classes have one
 *     intensity: the input is then 0.5)
 */
public record ZlpInputScaling(double energyMin, double energyMax, double logIntensityMin, double logIntensityMax) {

	/** {@return ΔE on the network's scale} @param energy eV */
	public float energy(double energy) {
		return scale(energy, energyMin, energyMax);
	}

	/** {@return whether the network models this energy (beyond {@link #energyMax()} the ZLP is zero)} @param energy eV */
	public boolean models(double energy) {
		return energy <= energyMax;
	}

	/** {@return ln I_total on the network's scale} @param logIntensity ln of the integrated counts */
	public float logIntensity(double logIntensity) {
		return scale(logIntensity, logIntensityMin, logIntensityMax);
	}

	/**
	 * {@return the network inputs [M][2] for a spectrum of the given integrated intensity}
	 *
	 * @param energies ΔE of each point, eV
	 * @param logIntensity ln I_total of the spectrum
	 */
	public float[][] inputs(double[] energies, double logIntensity) {
		float[][] x = new float[energies.length][];
		float l = logIntensity(logIntensity);
		for (int i = 0; i < energies.length; i++)
			x[i] = new float[] { energy(energies[i]), l };
		return x;
	}

	private static float scale(double v, double min, double max) {
		return max > min ? (float) (0.1 + 0.8 * (v - min) / (max - min)) : 0.5f;
	}
}
