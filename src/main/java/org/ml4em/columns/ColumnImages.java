package org.ml4em.columns;

import org.ml4em.BadInputException;

/**
 * What the column finder's network sees: images scaled to zero mean and unit variance (bioimage.io
 * preprocessing {@code zero_mean_unit_variance}, per image), so that dose and detector gain do not
 * matter, and the 8 flips and quarter turns used to augment training patches.
 */
public final class ColumnImages {

	/** Added to the standard deviation so that a flat image does not divide by zero. */
	public static final double EPSILON = 1e-6;

	private ColumnImages() {}

	/**
	 * {@return {@code (pixels − mean) / (sd + }{@value #EPSILON}{@code )}, a new array}
	 *
	 * @throws BadInputException when the image is empty or holds NaN or infinite values
	 */
	public static float[] normalised(float[] pixels) {
		if (pixels.length == 0) throw new BadInputException("The image is empty; the column finder needs an image of atomic columns.");
		double sum = 0;
		for (float v : pixels) {
			if (!Float.isFinite(v)) throw new BadInputException("The image holds NaN or infinite values; the column finder needs finite intensities.");
			sum += v;
		}
		double mean = sum / pixels.length, squares = 0;
		for (float v : pixels)
			squares += (v - mean) * (v - mean);
		double scale = 1 / (Math.sqrt(squares / pixels.length) + EPSILON);
		float[] out = new float[pixels.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) ((pixels[i] - mean) * scale);
		return out;
	}

	/**
	 * Copies a square {@code size × size} image of {@code channels} values per pixel (channels
	 * fastest) into {@code target} at {@code offset}, flipped and turned.
	 *
	 * @param transform 0 … 7: bit 0 flips x, bit 1 flips y, bit 2 swaps x and y
	 */
	public static void copyTransformed(float[] source, int size, int channels, int transform, float[] target, int offset) {
		boolean flipX = (transform & 1) != 0, flipY = (transform & 2) != 0, swap = (transform & 4) != 0;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				int sx = flipX ? size - 1 - x : x, sy = flipY ? size - 1 - y : y;
				int from = (swap ? sy + sx * size : sx + sy * size) * channels;
				System.arraycopy(source, from, target, offset + (x + y * size) * channels, channels);
			}
	}
}
