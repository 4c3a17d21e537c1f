package org.ml4em.eels;

import java.util.Arrays;

/**
 * A map of relative thickness t/λ over a {@code width × height} scan, x fastest
 * ({@code [x + y·width]}), used to generate synthetic spectrum images with
 * {@link SyntheticLowLoss}. The array is shared; do not modify it.
 *
 * <pre>
 * ThicknessMap three = ThicknessMap.stripes(60, 40, 0.2, 0.5, 0.9);
 * ThicknessMap ramp = ThicknessMap.gradient(64, 64, 0.1, 1.5);
 * </pre>
 *
 * @param width pixels along x
 * @param height pixels along y
 * @param tOverLambda t/λ of each pixel, zero or positive
 */
public record ThicknessMap(int width, int height, float[] tOverLambda) {

	/**
	 * Checks sizes and values.
	 *
	 * @param width pixels along x, at least 1
	 * @param height pixels along y, at least 1
	 * @param tOverLambda {@code width·height} finite values ≥ 0
	 */
	public ThicknessMap {
		if (width < 1 || height < 1 || (long) width * height != tOverLambda.length)
			throw new IllegalArgumentException(width + " x " + height + " pixels do not match " + tOverLambda.length + " values");
		for (float t : tOverLambda)
			if (!(t >= 0 && Float.isFinite(t))) throw new IllegalArgumentException("t/λ must be finite and >= 0, got " + t);
	}

	/**
	 * {@return a film of one thickness}
	 *
	 * @param width pixels
	 * @param height pixels
	 * @param t t/λ
	 */
	public static ThicknessMap uniform(int width, int height, double t) {
		float[] map = new float[width * height];
		Arrays.fill(map, (float) t);
		return new ThicknessMap(width, height, map);
	}

	/**
	 * {@return vertical stripes of equal width, one per thickness, left to right}
	 *
	 * @param width pixels along x, at least the number of stripes
	 * @param height pixels along y
	 * @param t t/λ of each stripe
	 */
	public static ThicknessMap stripes(int width, int height, double... t) {
		float[] map = new float[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) map[x + y * width] = (float) t[(int) ((long) x * t.length / width)];
		return new ThicknessMap(width, height, map);
	}

	/**
	 * {@return discs in a row across the middle of a background, one disc per thickness}
	 * Disc i is centred at {@code ((i + ½)·width/n, height/2)} with radius {@code 0.4·min(width/n, height)}.
	 *
	 * @param width pixels along x
	 * @param height pixels along y
	 * @param background t/λ outside the discs
	 * @param t t/λ of each disc
	 */
	public static ThicknessMap discs(int width, int height, double background, double... t) {
		float[] map = new float[width * height];
		double cell = (double) width / t.length, radius = 0.4 * Math.min(cell, height);
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int i = Math.min(t.length - 1, (int) ((x + 0.5) / cell));
				double dx = x + 0.5 - (i + 0.5) * cell, dy = y + 0.5 - height / 2.0;
				map[x + y * width] = (float) (dx * dx + dy * dy <= radius * radius ? t[i] : background);
			}
		return new ThicknessMap(width, height, map);
	}

	/**
	 * {@return a wedge: t/λ rising linearly along x}
	 *
	 * @param width pixels along x
	 * @param height pixels along y
	 * @param first t/λ at x = 0
	 * @param last t/λ at x = width − 1
	 */
	public static ThicknessMap gradient(int width, int height, double first, double last) {
		float[] map = new float[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				map[x + y * width] = (float) (width == 1 ? first : first + (last - first) * x / (width - 1));
		return new ThicknessMap(width, height, map);
	}

	/** {@return the largest t/λ of the map} */
	public double max() {
		double max = 0;
		for (float t : tOverLambda) max = Math.max(max, t);
		return max;
	}

	/**
	 * {@return the region of each pixel: the rank of its t/λ among the distinct values of the map,
	 * 0 for the thinnest} Meant for maps of a few regions (stripes, discs), as the truth of a clustering.
	 */
	public int[] regionLabels() {
		float[] distinct = tOverLambda.clone();
		Arrays.sort(distinct);
		int n = 0;
		for (int i = 0; i < distinct.length; i++) if (i == 0 || distinct[i] != distinct[n - 1]) distinct[n++] = distinct[i];
		int[] labels = new int[tOverLambda.length];
		for (int p = 0; p < labels.length; p++) labels[p] = Arrays.binarySearch(distinct, 0, n, tOverLambda[p]);
		return labels;
	}
}
