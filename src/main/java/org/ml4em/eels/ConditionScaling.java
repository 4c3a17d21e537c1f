package org.ml4em.eels;

import java.util.Objects;

/**
 * One acquisition condition used as an extra input of the zero-loss-peak network (beam energy,
 * exposure time, …), and how its values are mapped to the network's [0.1, 0.9] like the other
 * inputs ({@link ZlpInputScaling}).
 * <p>
 * A ZLP depends on how it was recorded: the exposure time sets the dose and how far the peak is
 * smeared by energy drift, the gun's energy spread and the spectrometer's tails change with the
 * beam energy. Training on spectra of several settings with the setting as an input lets the
 * network interpolate to a setting it has not seen.
 * <p>
 * A condition that acts multiplicatively, the exposure, is mapped on a logarithmic scale: the
 * network's other input is ln I_total, and the counts grow in proportion to the exposure, so the
 * two inputs then move together, and a setting halfway between two trained ones on the network's
 * scale is their geometric mean.
 *
 * @param name what the condition is, e.g. {@code beam_energy_keV}
 * @param min value mapped to 0.1
 * @param max value mapped to 0.9 (equal to {@code min} when all inputs share one value: the input is then 0.5)
 * @param logarithmic whether ln(value) rather than the value is mapped linearly (values must then be positive)
 */
public record ConditionScaling(String name, double min, double max, boolean logarithmic) {

	/** Beam energy, keV. */
	public static final String BEAM_ENERGY = "beam_energy_keV";

	/** Exposure (integration) time of one spectrum, s. */
	public static final String EXPOSURE = "exposure_s";

	/**
	 * Checks the values.
	 *
	 * @param name not blank
	 * @param min finite
	 * @param max finite, at least {@code min}
	 * @param logarithmic whether the scale is logarithmic; {@code min} must then be positive
	 */
	public ConditionScaling {
		Objects.requireNonNull(name, "name");
		if (name.isBlank())
			throw new IllegalArgumentException("a condition needs a name");
		if (!(Double.isFinite(min) && Double.isFinite(max) && max >= min))
			throw new IllegalArgumentException("condition " + name + ": range " + min + " … " + max + " is not a finite interval");
		if (logarithmic && !(min > 0))
			throw new IllegalArgumentException("condition " + name + " is on a logarithmic scale and needs positive values, got " + min);
	}

	/**
	 * {@return the scaling of a named condition over the given range: logarithmic for the exposure, linear otherwise}
	 *
	 * @param name the condition, e.g. {@link #EXPOSURE}
	 * @param min smallest value
	 * @param max largest value
	 */
	public static ConditionScaling of(String name, double min, double max) {
		return new ConditionScaling(name, min, max, EXPOSURE.equals(name));
	}

	/** {@return the value on the network's scale} @param value in the condition's unit */
	public float scale(double value) {
		return logarithmic ? ZlpInputScaling.scale(Math.log(value), Math.log(min), Math.log(max)) : ZlpInputScaling.scale(value, min, max);
	}

	/** {@return whether the value lies within the trained range (interpolation, not extrapolation)} @param value in the condition's unit */
	public boolean covers(double value) {
		return value >= min && value <= max;
	}
}
