package org.ml4em.scan;

/** Separable Gaussian blur of a row-major image with zeros outside it, the building block of normalised convolution and SSIM. */
final class GaussianBlur {

	private GaussianBlur() {}

	/**
	 * @param sigma the Gaussian's σ, pixels
	 * @param radius taps on each side of the centre
	 * @return a new array; weights are not normalised (divide by the blur of ones where that matters)
	 */
	static double[] blur(double[] v, int w, int h, double sigma, int radius) {
		double[] kernel = new double[2 * radius + 1];
		for (int k = -radius; k <= radius; k++)
			kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
		double[] rows = new double[v.length], out = new double[v.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int k = Math.max(-radius, -x); k <= Math.min(radius, w - 1 - x); k++)
					s += kernel[k + radius] * v[x + k + y * w];
				rows[x + y * w] = s;
			}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int k = Math.max(-radius, -y); k <= Math.min(radius, h - 1 - y); k++)
					s += kernel[k + radius] * rows[x + (y + k) * w];
				out[x + y * w] = s;
			}
		return out;
	}

	/** {@return the Gaussian-weighted mean around each pixel (σ in pixels, truncated at 3 σ), edges weighted by what lies inside the image} */
	static double[] smooth(double[] v, int w, int h, double sigma) {
		int radius = Math.max(1, (int) Math.ceil(3 * sigma));
		double[] ones = new double[v.length];
		java.util.Arrays.fill(ones, 1);
		double[] num = blur(v, w, h, sigma, radius), den = blur(ones, w, h, sigma, radius);
		for (int i = 0; i < num.length; i++)
			num[i] /= den[i];
		return num;
	}
}
