package org.ml4em.commands;

import org.ml4em.io.PixelCalibration;

/**
 * Implemented by commands whose image outputs have a physical pixel size (taken from the input
 * file), so that the headless launcher writes it into the output TIFFs.
 */
public interface CalibratedOutputs {

	/**
	 * {@return the pixel size of an image output, or null when it has none}
	 *
	 * @param outputName the output parameter's name
	 */
	PixelCalibration calibration(String outputName);

	/**
	 * {@return the names of the slices of a 3-D image output (x, y, slice), or an empty list}
	 *
	 * @param outputName the output parameter's name
	 */
	default java.util.List<String> sliceLabels(String outputName) {
		return java.util.List.of();
	}
}
