package org.ml4em.scan;

/**
 * A sparse image at half resolution and back: each 2 × 2 block becomes one pixel holding the mean
 * of its measured pixels (measured if any of them was), and a half-resolution completion is
 * brought back to full size by bilinear interpolation between block centres. Shared by the
 * coarse start of {@link HarmonicInpainting} and the coarse run of the network
 * ({@link ScanCompleter}). Stateless.
 */
final class HalfResolution {

	private HalfResolution() {}

	/** A sparse image and its mask at half resolution. */
	record Sparse(float[] image, ScanMask mask) {}

	/** {@return the image and mask with 2 × 2 blocks merged}; odd sides keep their last row or column as half blocks */
	static Sparse halve(float[] image, ScanMask mask) {
		int w = mask.width(), h = mask.height(), cw = (w + 1) / 2, ch = (h + 1) / 2;
		float[] sum = new float[cw * ch];
		int[] count = new int[cw * ch];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (mask.sampled()[x + y * w]) {
					sum[x / 2 + y / 2 * cw] += image[x + y * w];
					count[x / 2 + y / 2 * cw]++;
				}
		boolean[] known = new boolean[cw * ch];
		for (int i = 0; i < known.length; i++)
			if (count[i] > 0) {
				known[i] = true;
				sum[i] /= count[i];
			}
		return new Sparse(sum, new ScanMask(known, cw, ch, mask.nominalCoverage()));
	}

	/**
	 * {@return a half-resolution image interpolated to {@code width} × {@code height}}, clamped to
	 * the outer block centres at the border
	 *
	 * @param coarse at least 2 × 2 pixels, as {@link #halve} made them for this size
	 */
	static double[] doubled(float[] coarse, int width, int height) {
		int cw = (width + 1) / 2, ch = (height + 1) / 2;
		double[] u = new double[width * height];
		for (int y = 0; y < height; y++) {
			double cy = Math.min(Math.max((y + 0.5) / 2 - 0.5, 0), ch - 1);
			int y0 = Math.min((int) cy, ch - 2);
			double fy = cy - y0;
			for (int x = 0; x < width; x++) {
				double cx = Math.min(Math.max((x + 0.5) / 2 - 0.5, 0), cw - 1);
				int x0 = Math.min((int) cx, cw - 2);
				double fx = cx - x0;
				int i = x0 + y0 * cw;
				u[x + y * width] = (1 - fy) * ((1 - fx) * coarse[i] + fx * coarse[i + 1]) + fy * ((1 - fx) * coarse[i + cw] + fx * coarse[i + cw + 1]);
			}
		}
		return u;
	}
}
