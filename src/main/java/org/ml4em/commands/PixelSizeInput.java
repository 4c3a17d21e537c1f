package org.ml4em.commands;

/**
 * Marks a command with a {@value #PIXEL_SIZE} parameter (Å, 0 = unknown) that starts from the
 * image's calibration: in Fiji from the active image, headless from the input file.
 */
public interface PixelSizeInput {

	/** The parameter's name. */
	String PIXEL_SIZE = "pixel_size";
}
