package org.ml4em.scan;

import java.util.List;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;

/**
 * Sparse scan paths rasterised to masks (SCIENCE.md section 4, after Ede and Beanland 2020):
 * <ul>
 * <li>{@link #spiral}: an Archimedes spiral r = kθ from the image centre out to its corners, its
 * arms 1 / coverage pixels apart, probed once per pixel of path, so that it covers about that
 * fraction;</li>
 * <li>{@link #lines}: every n-th row, n = round(1 / coverage), scanned whole (a serpentine
 * subset);</li>
 * <li>{@link #random}: round(coverage · pixels) distinct pixels drawn with a seed;</li>
 * <li>{@link #positions}: positions as a microscope recorded them (x, y in pixels), each
 * marking its nearest pixel.</li>
 * </ul>
 * Every mask reports its measured coverage beside the nominal one. Stateless, thread-safe.
 */
public final class ScanPaths {

	/**
	 * Distance between probe positions along a spiral, pixels: the beam dwells once per pixel of
	 * path, as a scan generator places it, and each dwell measures its nearest pixel. Two dwells
	 * can land in one pixel, so the measured coverage comes out a little below the nominal one.
	 */
	private static final double PROBE_STEP = 1;

	private ScanPaths() {}

	/** {@return the pixels an Archimedes spiral of the given coverage passes through} */
	public static ScanMask spiral(int width, int height, double coverage) {
		check(width, height, coverage);
		boolean[] mask = new boolean[width * height];
		double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0, spacing = 1 / coverage, k = spacing / (2 * Math.PI);
		double rMax = Math.hypot(width, height) / 2 + spacing;
		// dθ from the arc length ds ≈ sqrt(r² + k²) dθ, so the trace advances TRACE_STEP pixels per step
		for (double theta = 0, r = 0; r <= rMax; r = k * theta) {
			mark(mask, width, height, cx + r * Math.cos(theta), cy + r * Math.sin(theta));
			theta += PROBE_STEP / Math.max(Math.hypot(r, k), 1e-9);
		}
		return new ScanMask(mask, width, height, coverage);
	}

	/** {@return every n-th row, n = round(1 / coverage), starting with the row n / 2 from the top} */
	public static ScanMask lines(int width, int height, double coverage) {
		check(width, height, coverage);
		int every = Math.max(1, (int) Math.round(1 / coverage));
		boolean[] mask = new boolean[width * height];
		for (int y = Math.min(height - 1, every / 2); y < height; y += every)
			for (int x = 0; x < width; x++)
				mask[x + y * width] = true;
		return new ScanMask(mask, width, height, coverage);
	}

	/** {@return round(coverage · pixels) distinct pixels, at least one, drawn with {@code seed}} */
	public static ScanMask random(int width, int height, double coverage, long seed) {
		check(width, height, coverage);
		int n = width * height, count = (int) Math.max(1, Math.round(coverage * n));
		// A partial Fisher–Yates shuffle: the first count entries are a uniform sample without repeats.
		int[] order = new int[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		SplittableRandom r = new SplittableRandom(seed);
		boolean[] mask = new boolean[n];
		for (int i = 0; i < count; i++) {
			int j = i + r.nextInt(n - i), t = order[i];
			order[i] = order[j];
			order[j] = t;
			mask[order[i]] = true;
		}
		return new ScanMask(mask, width, height, coverage);
	}

	/**
	 * {@return the pixels nearest to recorded probe positions}; positions outside the image are left out
	 *
	 * @param positions (x, y) in pixels, pixel centres at integers
	 * @throws BadInputException when no position falls inside the image
	 */
	public static ScanMask positions(int width, int height, List<double[]> positions) {
		if (width < 1 || height < 1) throw new BadInputException("The image is " + width + " x " + height + " pixels; a scan needs at least 1 x 1.");
		boolean[] mask = new boolean[width * height];
		int pixels = 0;
		for (double[] p : positions)
			if (mark(mask, width, height, p[0], p[1])) pixels++;
		if (pixels == 0) throw new BadInputException("None of the " + positions.size() + " scan positions lies inside the " + width + " x " + height
			+ " image; positions are x, y in pixels.");
		// The nominal coverage of recorded positions is what they measured.
		return new ScanMask(mask, width, height, (double) pixels / mask.length);
	}

	/**
	 * {@return the mask of a path named as users name it}: {@code spiral}, {@code lines} or
	 * {@code random} (which uses the seed)
	 *
	 * @throws BadInputException for another name, a size below 1 or a coverage outside (0, 1]
	 */
	public static ScanMask named(String path, int width, int height, double coverage, long seed) {
		return switch (path) {
			case "spiral" -> spiral(width, height, coverage);
			case "lines" -> lines(width, height, coverage);
			case "random" -> random(width, height, coverage, seed);
			default -> throw new BadInputException("path='" + path + "' is not known; use spiral, lines or random.");
		};
	}

	/** Marks the pixel nearest to (x, y); {@return whether it was inside the image and not marked before} */
	private static boolean mark(boolean[] mask, int width, int height, double x, double y) {
		long i = Math.round(x), j = Math.round(y);
		if (i < 0 || i >= width || j < 0 || j >= height || mask[(int) (i + j * width)]) return false;
		mask[(int) (i + j * width)] = true;
		return true;
	}

	private static void check(int width, int height, double coverage) {
		if (width < 1 || height < 1) throw new BadInputException("The image is " + width + " x " + height + " pixels; a scan needs at least 1 x 1.");
		if (!(coverage > 0 && coverage <= 1)) throw new BadInputException("coverage=" + coverage + "; expected a fraction in (0, 1], e.g. 0.0625 for 1/16.");
	}
}
