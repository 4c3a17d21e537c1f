package org.ml4em.io;

import java.util.Objects;

/**
 * One calibrated axis of a data set: the coordinate of index {@code i} is
 * {@code offset + i * scale}, in {@code units}. The convention is HyperSpy's, so that the numbers
 * match what a Python user sees; for Gatan files {@code offset = -origin * scale}.
 *
 * @param name axis name, e.g. "x", "y", "Energy loss"
 * @param size number of samples along the axis, at least 1
 * @param scale step between neighbouring samples (1 when the file says nothing)
 * @param offset coordinate of the first sample (0 when the file says nothing)
 * @param units unit of scale and offset, "" when the file says nothing
 * @param navigate true for navigation axes (positions on the specimen), false for signal axes
 *     (the energy of a spectrum, the pixels of a diffraction pattern)
 */
public record Axis(String name, long size, double scale, double offset, String units, boolean navigate) {

	/**
	 * Checks the values.
	 *
	 * @param name axis name
	 * @param size samples, at least 1
	 * @param scale step
	 * @param offset first coordinate
	 * @param units unit
	 * @param navigate navigation axis or not
	 */
	public Axis {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(units, "units");
		if (size < 1)
			throw new IllegalArgumentException("axis '" + name + "' has size " + size + "; expected at least 1");
	}

	/** {@return the coordinate of sample {@code index}} @param index sample index, may be fractional */
	public double coordinate(double index) {
		return offset + index * scale;
	}

	/** {@return this axis with another name} @param newName the name */
	public Axis withName(String newName) {
		return new Axis(newName, size, scale, offset, units, navigate);
	}

	/** {@return whether the units are an energy in electronvolts (eV, keV)} */
	public boolean isEnergy() {
		return units.equals("eV") || units.equals("keV");
	}
}
