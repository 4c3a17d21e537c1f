package org.ml4em.commands;

import java.io.File;
import java.io.IOException;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EnergyCalibration;
import org.scijava.plugin.Parameter;

/**
 * A command that reads a low-loss spectrum image from a file — DM3/DM4, HyperSpy .hspy, or a TIFF
 * stack whose energy calibration is given — rather than from an open image, because ImageJ images
 * lose the energy calibration and the file's metadata. In Fiji the dialog starts with the file of
 * the active image ({@code org.ml4em.ij.CurrentImageFileInput}).
 */
public abstract class SpectrumFileCommand extends Ml4emCommand {

	@Parameter(label = "Spectrum image", style = "open", persist = false,
		description = "low-loss EELS spectrum image, spectrum or line scan: Gatan DM3/DM4, HyperSpy .hspy, or a TIFF stack of energy slices")
	private File input;

	@Parameter(label = "Energy origin (TIFF only, eV)", persist = false, description = "energy of the first slice of a TIFF stack; other formats carry their own calibration")
	private double energy_origin = 0;

	@Parameter(label = "Energy step (TIFF only, eV)", persist = false, description = "eV per slice of a TIFF stack")
	private double energy_step = 1;

	@Override
	protected final String execute(Progress progress) throws IOException {
		if (input == null)
			throw new BadInputException("No spectrum image given; expected input=<DM3/DM4, .hspy or TIFF file>.");
		return analyse(progress);
	}

	/**
	 * Does the work on {@link #openInput()} and sets the outputs.
	 *
	 * @param progress status, fraction and cancel
	 * @return the summary for the log
	 * @throws IOException when the file cannot be read
	 */
	protected abstract String analyse(Progress progress) throws IOException;

	/** {@return the input file opened; close it when done} @throws IOException when it cannot be read */
	protected EmFile openInput() throws IOException {
		return EmFiles.open(input.toPath(), new EnergyCalibration(energy_origin, energy_step));
	}

	/**
	 * {@return another spectrum file opened with the same TIFF calibration as the input; close it when done}
	 *
	 * @param file the file
	 * @throws IOException when it cannot be read
	 */
	protected EmFile open(File file) throws IOException {
		return EmFiles.open(file.toPath(), new EnergyCalibration(energy_origin, energy_step));
	}

	/** {@return the input file} */
	protected File input() {
		return input;
	}

	/** {@return the input file's name, for titles and summaries} */
	protected String inputName() {
		return input.getName();
	}

	/** @param input the spectrum image file */
	public void setInput(File input) {
		this.input = input;
	}

	/**
	 * Calibrates the slices of a TIFF stack (other formats carry their own calibration).
	 *
	 * @param origin energy of the first slice, eV
	 * @param step eV per slice
	 */
	public void setEnergyCalibration(double origin, double step) {
		this.energy_origin = origin;
		this.energy_step = step;
	}
}
