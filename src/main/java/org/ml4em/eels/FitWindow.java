package org.ml4em.eels;

import java.util.Locale;

import org.ml4em.BadInputException;

/**
 * The energy range a band-gap fit uses, in eV, both ends included. It should start a little below
 * the gap, so that the fit sees where the signal is still zero, and end a few eV above it, before
 * other transitions and plural scattering (from about 2·Eg) change the shape of the onset.
 * {@link BandGapFit#automaticWindow} picks one from the data.
 *
 * @param low first energy, eV
 * @param high last energy, eV, above {@code low}
 */
public record FitWindow(double low, double high) {

	/**
	 * Checks the range.
	 *
	 * @param low first energy, eV, finite
	 * @param high last energy, eV, finite and above {@code low}
	 * @throws BadInputException when the range is empty or not finite
	 */
	public FitWindow {
		if (!(Double.isFinite(low) && Double.isFinite(high) && high > low))
			throw new BadInputException("The fit window " + low + " … " + high + " eV is empty or not finite; give a low and a higher high energy.");
	}

	/** {@return whether the energy lies in the window, ends included} @param e energy, eV */
	public boolean contains(double e) {
		return e >= low && e <= high;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%.2f … %.2f eV", low, high);
	}
}
