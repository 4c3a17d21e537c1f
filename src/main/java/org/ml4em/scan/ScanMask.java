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
}
