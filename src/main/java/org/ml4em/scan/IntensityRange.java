package org.ml4em.scan;

import java.util.Arrays;

/**
 * The intensity range the scan completer works in: the 0.1 and 99.9 percentiles of the measured
 * values map to 0 and 1, so one hot pixel does not squash the contrast, and the network sees
 * every image on the scale it was trained on.
 *
 * @param low the value that maps to 0
 * @param high the value that maps to 1; equal to {@code low} for an image of one value
 */
public record IntensityRange(double low, double high) {

	static final double PERCENTILE = 0.001;

	/** {@return the range of the measured pixels of an image} */
	public static IntensityRange ofMeasured(float[] image, ScanMask mask) {
		float[] values = new float[(int) mask.sampledCount()];
		int n = 0;
		for (int i = 0; i < image.length; i++)
			if (mask.sampled()[i]) values[n++] = image[i];
		return of(values);
	}

	/** {@return the range of all values} @param values finite values, at least one */
	public static IntensityRange of(float[] values) {
		float[] sorted = values.clone();
		Arrays.sort(sorted);
		int last = sorted.length - 1;
		return new IntensityRange(sorted[(int) Math.round(PERCENTILE * last)], sorted[(int) Math.round((1 - PERCENTILE) * last)]);
	}

	/** {@return the values mapped to the range 0 … 1 (outliers beyond it), as a new array} */
	public float[] normalise(float[] values) {
		double scale = high > low ? 1 / (high - low) : 1;
		float[] out = new float[values.length];
		for (int i = 0; i < values.length; i++)
			out[i] = (float) ((values[i] - low) * scale);
		return out;
	}

	/** Maps normalised values back to the image's intensities, in place. */
	public void restore(float[] values) {
		double scale = high > low ? high - low : 1;
		for (int i = 0; i < values.length; i++)
			values[i] = (float) (low + values[i] * scale);
	}
}
