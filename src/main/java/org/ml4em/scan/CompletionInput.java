package org.ml4em.scan;

import org.ml4em.Progress;

/**
 * What the scan-completion network reads, per pixel: a first guess by harmonic inpainting
 * (measured values where measured) and the mask (1 measured, 0 not), channels fastest, as a
 * {@code (y, x, 2)} tensor is laid out. The network adds a learned correction to the guess where
 * nothing was measured, so it starts from the classical completion it has to beat and never has to
 * relearn it: trained from a normalised-convolution guess instead, a 2 M-weight U-Net had not
 * learned even harmonic inpainting's quality after 1 000 steps on two CPU cores.
 */
public final class CompletionInput {

	/** Channels per pixel: guess, mask. */
	public static final int CHANNELS = 2;

	private CompletionInput() {}

	/**
	 * @param sparse the normalised sparse image ({@link IntensityRange}); only measured pixels are read
	 * @param mask which pixels were measured; at least one
	 * @param progress cancel
	 */
	public static float[] of(float[] sparse, ScanMask mask, Progress progress) {
		float[] guess = new HarmonicInpainting(HarmonicInpainting.DEFAULT_ITERATIONS).complete(sparse, mask, progress).image();
		float[] out = new float[CHANNELS * guess.length];
		boolean[] measured = mask.sampled();
		for (int i = 0; i < guess.length; i++) {
			out[CHANNELS * i] = guess[i];
			out[CHANNELS * i + 1] = measured[i] ? 1 : 0;
		}
		return out;
	}

	/** {@return the first guess of an input made by {@link #of}}: the harmonic completion itself */
	static float[] guess(float[] input) {
		float[] guess = new float[input.length / CHANNELS];
		for (int i = 0; i < guess.length; i++)
			guess[i] = input[CHANNELS * i];
		return guess;
	}
}
