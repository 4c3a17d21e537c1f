package org.ml4em.eels;

/**
 * The energy axis of a spectrum image, in eV: channel {@code c} lies at
 * {@code offset + c · scale}. The convention is HyperSpy's (offset is the energy of channel 0).
 *
 * <pre>
 * EnergyAxis e = new EnergyAxis(-5, 0.2, 512); // −5 eV to 97.2 eV in steps of 0.2 eV
 * double last = e.energy(e.channels() - 1); // 97.2
 * </pre>
 *
 * @param offset energy of channel 0, eV
 * @param scale energy step from one channel to the next, eV per channel (not checked: callers that
 *     need a positive, finite step say so in their own words)
 * @param channels number of channels, at least 1
 */
public record EnergyAxis(double offset, double scale, int channels) {

	/**
	 * Checks the number of channels.
	 *
	 * @param offset energy of channel 0, eV
	 * @param scale eV per channel
	 * @param channels number of channels, at least 1
	 * @throws IllegalArgumentException when there is no channel
	 */
	public EnergyAxis {
		if (channels < 1)
			throw new IllegalArgumentException("an energy axis needs at least 1 channel, got " + channels);
	}

	/**
	 * {@return the energy of a channel, eV: {@code offset + channel · scale}}
	 *
	 * @param channel channel index, may be fractional or outside 0 … channels − 1
	 */
	public double energy(double channel) {
		return offset + channel * scale;
	}
}
