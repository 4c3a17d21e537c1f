package org.ml4em.io;

import org.ml4em.BadInputException;

/**
 * The energy axis of a spectrum stack whose file does not calibrate it (a plain TIFF stack):
 * channel {@code c} is at {@code origin + c * step} eV.
 *
 * @param origin energy of the first channel, in eV
 * @param step energy per channel (dispersion), in eV, positive
 */
public record EnergyCalibration(double origin, double step) {

	/** Channel numbers as energies: origin 0, step 1 eV. */
	public static final EnergyCalibration CHANNELS = new EnergyCalibration(0, 1);

	/**
	 * Checks the values.
	 *
	 * @param origin energy of the first channel, eV
	 * @param step eV per channel
	 */
	public EnergyCalibration {
		if (!Double.isFinite(origin))
			throw new BadInputException("the energy origin is " + origin + "; expected a finite number of eV");
		if (!(step > 0) || !Double.isFinite(step))
			throw new BadInputException("the energy step is " + step + "; expected a positive number of eV per channel");
	}
}
