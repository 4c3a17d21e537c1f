package org.ml4em.scan;

/**
 * Which pixels a partial scan measured, and how many: the rasterised path of a sparse scan
 * (SCIENCE.md section 4). The nominal coverage is what the path was designed for; the measured
 * one counts the pixels actually hit, and is the figure to report (they differ after rasterising).
 *
 * @param sampled one flag per pixel, row by row; true where the beam dwelt
 * @param width pixels
 * @param height pixels
 * @param nominalCoverage the coverage the path was made for, 0 … 1
 */
public record ScanMask(boolean[] sampled, int width, int height, double nominalCoverage) {

	/** Checks the size. */
	public ScanMask {
		if (width < 1 || height < 1 || sampled.length != (long) width * height)
			throw new IllegalArgumentException(sampled.length + " flags for " + width + " x " + height + " pixels");
	}

	/** {@return the pixels measured} */
	public long sampledCount() {
		long n = 0;
		for (boolean s : sampled)
			if (s) n++;
		return n;
	}

	/** {@return the fraction of pixels measured} */
	public double measuredCoverage() {
		return (double) sampledCount() / sampled.length;
	}

	/**
	 * {@return the mean distance, pixels, from an unmeasured pixel to the nearest measured one}: 0
	 * when every pixel was measured, infinite when none was. For a spiral or line scan with arms d
	 * pixels apart it is about d / 4; for random points, about half their mean spacing. Distances
	 * are chamfer distances (steps of 1 and √2), within 8 % of the Euclidean ones.
	 */
	public double meanGap() {
		int n = sampled.length;
		double[] d = new double[n];
		long unmeasured = 0;
		for (int i = 0; i < n; i++) {
			d[i] = sampled[i] ? 0 : Double.POSITIVE_INFINITY;
			if (!sampled[i]) unmeasured++;
		}
		if (unmeasured == 0) return 0;
		if (unmeasured == n) return Double.POSITIVE_INFINITY;
		double diagonal = Math.sqrt(2);
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int i = x + y * width;
				if (x > 0) d[i] = Math.min(d[i], d[i - 1] + 1);
				if (y > 0) {
					d[i] = Math.min(d[i], d[i - width] + 1);
					if (x > 0) d[i] = Math.min(d[i], d[i - width - 1] + diagonal);
					if (x < width - 1) d[i] = Math.min(d[i], d[i - width + 1] + diagonal);
				}
			}
		double sum = 0;
		for (int y = height - 1; y >= 0; y--)
			for (int x = width - 1; x >= 0; x--) {
				int i = x + y * width;
				if (x < width - 1) d[i] = Math.min(d[i], d[i + 1] + 1);
				if (y < height - 1) {
					d[i] = Math.min(d[i], d[i + width] + 1);
					if (x < width - 1) d[i] = Math.min(d[i], d[i + width + 1] + diagonal);
					if (x > 0) d[i] = Math.min(d[i], d[i + width - 1] + diagonal);
				}
				sum += d[i];
			}
		return sum / unmeasured;
	}
}
