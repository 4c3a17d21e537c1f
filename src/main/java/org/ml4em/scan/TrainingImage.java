package org.ml4em.scan;

import org.ml4em.BadInputException;

/**
 * A real image the scan completer trains on, cropped at random zooms and turns.
 *
 * @param pixels values row by row, all finite
 * @param width pixels
 * @param height pixels
 * @param name what to call it in reports (its file name)
 */
public record TrainingImage(float[] pixels, int width, int height, String name) {

	/** Checks the size and the values. */
	public TrainingImage {
		if (width < 64 || height < 64) throw new BadInputException("The training image " + name + " is " + width + " x " + height
			+ " pixels; real training images must be at least 64 x 64.");
		if (pixels.length != width * height) throw new IllegalArgumentException(pixels.length + " values for " + width + " x " + height);
		for (float v : pixels)
			if (!Float.isFinite(v)) throw new BadInputException("The training image " + name + " holds NaN or infinite pixels; give images of numbers only.");
	}
}
