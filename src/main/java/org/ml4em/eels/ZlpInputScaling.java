package org.ml4em.eels;

import java.util.List;

/**
 * How the network's two inputs, energy loss ΔE and ln of the integrated intensity, are mapped to
 * [0.1, 0.9] (EELSfitter's scaling: sigmoid units work best away from 0 and 1). The same mapping
 * must be used for training and for every later prediction, so it is stored with the model.
 * <p>
 * When spectra of several acquisition settings were fitted together, each setting that varies
 * (beam energy, exposure) is a further input after these two ({@link ConditionScaling}).
 *
 * @param energyMin ΔE mapped to 0.1, eV
 * @param energyMax ΔE mapped to 0.9, eV: the end of the modelled range, beyond which the ZLP is zero
 * @param logIntensityMin ln I_total mapped to 0.1
 * @param logIntensityMax ln I_total mapped to 0.9 (equal to the minimum when all classes have one
 *     intensity: the input is then 0.5)
 * @param conditions the further inputs, in order; empty for a model of one setting
 */
public record ZlpInputScaling(double energyMin, double energyMax, double logIntensityMin, double logIntensityMax,
	List<ConditionScaling> conditions)
{

	/** Makes an unmodifiable copy of the conditions. */
	public ZlpInputScaling {
		conditions = List.copyOf(conditions);
	}

	/**
	 * A model of one acquisition setting: inputs ΔE and ln I_total only.
	 *
	 * @param energyMin ΔE mapped to 0.1, eV
	 * @param energyMax ΔE mapped to 0.9, eV
	 * @param logIntensityMin ln I_total mapped to 0.1
	 * @param logIntensityMax ln I_total mapped to 0.9
	 */
	public ZlpInputScaling(double energyMin, double energyMax, double logIntensityMin, double logIntensityMax) {
		this(energyMin, energyMax, logIntensityMin, logIntensityMax, List.of());
	}

	/** {@return the number of network inputs: ΔE, ln I_total and one per condition} */
	public int inputCount() {
		return 2 + conditions.size();
	}

	/** {@return these scalings with conditions as further inputs} @param c the conditions, in order */
	public ZlpInputScaling withConditions(List<ConditionScaling> c) {
		return new ZlpInputScaling(energyMin, energyMax, logIntensityMin, logIntensityMax, c);
	}

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
		return inputs(energies, logIntensity, new double[0]);
	}

	/**
	 * {@return the network inputs [M][2 + conditions] for a spectrum of the given integrated
	 * intensity recorded at the given setting}
	 *
	 * @param energies ΔE of each point, eV
	 * @param logIntensity ln I_total of the spectrum
	 * @param setting one value per condition, in the order of {@link #conditions()}
	 * @throws IllegalArgumentException when the setting has the wrong number of values
	 */
	public float[][] inputs(double[] energies, double logIntensity, double[] setting) {
		float[] tail = scaledSetting(logIntensity, setting);
		float[][] x = new float[energies.length][];
		for (int i = 0; i < energies.length; i++) {
			x[i] = tail.clone();
			x[i][0] = energy(energies[i]);
		}
		return x;
	}

	/** {@return the inputs after ΔE, scaled, behind a free slot for ΔE: [·, ln I_total, conditions…]} */
	float[] scaledSetting(double logIntensity, double[] setting) {
		if (setting.length != conditions.size())
			throw new IllegalArgumentException("the model has " + conditions.size() + " condition inputs " + names() + "; got " + setting.length + " values");
		float[] x = new float[inputCount()];
		x[1] = logIntensity(logIntensity);
		for (int c = 0; c < setting.length; c++)
			x[2 + c] = conditions.get(c).scale(setting[c]);
		return x;
	}

	/** {@return the condition names, e.g. [beam_energy_keV, exposure_s]} */
	public List<String> names() {
		return conditions.stream().map(ConditionScaling::name).toList();
	}

	static float scale(double v, double min, double max) {
		return max > min ? (float) (0.1 + 0.8 * (v - min) / (max - min)) : 0.5f;
	}
}
