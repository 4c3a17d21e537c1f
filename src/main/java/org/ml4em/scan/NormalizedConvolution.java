package org.ml4em.scan;

import org.ml4em.Progress;

/**
 * Normalised convolution (Knutsson and Westin 1993), the second classical baseline of partial-scan
 * completion: each missing pixel is the Gaussian-weighted mean of the measured pixels around it,
 * (G ∗ (m·f)) / (G ∗ m). Where no measured pixel is near enough for the weights to count, the
 * Gaussian is widened (doubled) until one is. Measured pixels keep their values.
 * <p>
 * Stateless apart from its setting, thread-safe.
 */
public final class NormalizedConvolution {

	/** Weight sums below this are "no measured pixel near": the Gaussian is widened there. */
	private static final double LEAST_WEIGHT = 1e-6;

	private final double sigma;

	/** @param sigma the Gaussian's σ, pixels, positive ({@link #sigmaFor} suits a coverage) */
	public NormalizedConvolution(double sigma) {
		if (!(sigma > 0)) throw new IllegalArgumentException("sigma must be positive, got " + sigma);
		this.sigma = sigma;
	}

	/** {@return a σ about the distance between measured pixels at a coverage: 1 / √coverage, at least 1 pixel} */
	public static double sigmaFor(double coverage) {
		return Math.max(1, 1 / Math.sqrt(coverage));
	}

	/**
	 * @param image the sparse image, row by row; only sampled pixels are read; not modified
	 * @param mask which pixels were measured
	 * @param progress cancel, between widenings
	 */
	public float[] complete(float[] image, ScanMask mask, Progress progress) {
		ScanImages.check(image, mask);
		return fill(image, mask, progress);
	}

	/** {@link #complete} for an image and mask already checked. */
	float[] fill(float[] image, ScanMask mask, Progress progress) {
		int w = mask.width(), h = mask.height(), n = w * h;
		boolean[] known = mask.sampled();
		double[] values = new double[n], weights = new double[n];
		for (int i = 0; i < n; i++)
			if (known[i]) {
				values[i] = image[i];
				weights[i] = 1;
			}
		float[] out = new float[n];
		boolean[] done = known.clone();
		int remaining = n - (int) mask.sampledCount();
		for (int i = 0; i < n; i++)
			if (known[i]) out[i] = image[i];
		for (double s = sigma; remaining > 0; s *= 2) {
			progress.checkCanceled();
			int radius = (int) Math.ceil(4 * s); // truncated at 4 σ
			double[] num = GaussianBlur.blur(values, w, h, s, radius), den = GaussianBlur.blur(weights, w, h, s, radius);
			boolean last = s > Math.hypot(w, h);
			for (int i = 0; i < n; i++)
				if (!done[i] && (den[i] > LEAST_WEIGHT || last && den[i] > 0)) {
					out[i] = (float) (num[i] / den[i]);
					done[i] = true;
					remaining--;
				}
			if (last && remaining > 0) throw new IllegalStateException("normalised convolution left " + remaining + " pixels without weight");
		}
		return out;
	}
}
