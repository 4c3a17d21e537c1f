package org.ml4em.io;

/**
 * The acquisition settings users look for first, taken from a file's metadata; each is
 * {@code null} when the file does not say.
 *
 * @param beamEnergyKeV accelerating voltage of the microscope, in kV (beam energy in keV)
 * @param exposureSeconds exposure (integration) time of one spectrum or image, in seconds
 * @param dispersionEvPerChannel energy step of a spectrum, in eV per channel
 * @param microscope microscope name
 * @param detector detector or camera name
 * @param acquisitionDate date (and time when stored) of the acquisition, as the file writes it
 */
public record AcquisitionInfo(Double beamEnergyKeV, Double exposureSeconds, Double dispersionEvPerChannel,
	String microscope, String detector, String acquisitionDate)
{

	/** Nothing known. */
	public static final AcquisitionInfo UNKNOWN = new AcquisitionInfo(null, null, null, null, null, null);
}
