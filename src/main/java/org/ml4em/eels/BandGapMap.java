package org.ml4em.eels;

import java.util.Arrays;

/**
 * The band gap of every pixel of a synthetic scan, as a few regions with one gap each: region
 * labels over {@code width × height} pixels, x fastest ({@code [x + y·width]}), and the gap of each
 * region. Used with {@link SyntheticLowLoss#generate(ThicknessMap, BandGapMap)}; the simulator
 * prepares its scattering tables once per region, so keep to a handful of regions (at most
 * {@value #MAX_REGIONS}). The arrays are shared; do not modify them.
 *
 * <pre>
 * ThicknessMap t = ThicknessMap.discs(64, 48, 0.25, 0.6, 1.0);
 * BandGapMap gaps = BandGapMap.byThickness(t, 3.0, 2.2, 1.4); // film 3 eV, thinner disc 2.2, thicker 1.4
 * SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(t, gaps);
 * </pre>
 *
 * @param width pixels along x
 * @param height pixels along y
 * @param regions region of each pixel, 0 … {@code gaps.length − 1}
 * @param gaps band gap of each region, eV, zero (a metal) or positive
 */
public record BandGapMap(int width, int height, int[] regions, double[] gaps) {

	/** Most regions a map may have: each costs the simulator one set of scattering tables. */
	public static final int MAX_REGIONS = 32;

	/**
	 * Checks sizes and values.
	 *
	 * @param width pixels along x, at least 1
	 * @param height pixels along y, at least 1
	 * @param regions {@code width·height} labels in 0 … {@code gaps.length − 1}
	 * @param gaps 1 … {@value #MAX_REGIONS} finite gaps ≥ 0, eV
	 */
	public BandGapMap {
		if (width < 1 || height < 1 || (long) width * height != regions.length)
			throw new IllegalArgumentException(width + " x " + height + " pixels do not match " + regions.length + " region labels");
		if (gaps.length < 1 || gaps.length > MAX_REGIONS)
			throw new IllegalArgumentException("a band-gap map needs 1 to " + MAX_REGIONS + " regions, got " + gaps.length);
		for (double g : gaps)
			if (!(g >= 0 && Double.isFinite(g))) throw new IllegalArgumentException("band gaps must be finite and >= 0, got " + g);
		for (int r : regions)
			if (r < 0 || r >= gaps.length) throw new IllegalArgumentException("region label " + r + " has no band gap");
	}

	/**
	 * {@return one gap everywhere}
	 *
	 * @param width pixels
	 * @param height pixels
	 * @param gap eV
	 */
	public static BandGapMap uniform(int width, int height, double gap) {
		return new BandGapMap(width, height, new int[width * height], new double[] { gap });
	}

	/**
	 * {@return vertical stripes of equal width, one per gap, left to right} The stripes fall as those
	 * of {@link ThicknessMap#stripes} with as many values.
	 *
	 * @param width pixels along x, at least the number of stripes
	 * @param height pixels along y
	 * @param gaps eV, one per stripe
	 */
	public static BandGapMap stripes(int width, int height, double... gaps) {
		int[] regions = new int[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) regions[x + y * width] = (int) ((long) x * gaps.length / width);
		return new BandGapMap(width, height, regions, gaps.clone());
	}

	/**
	 * {@return a gap per thickness region: the regions of {@link ThicknessMap#regionLabels()}, the
	 * thinnest first} Typical use: a film of one material carrying particles of another.
	 *
	 * @param thickness a map of a few distinct t/λ values
	 * @param gaps eV, one per distinct t/λ, in increasing order of t/λ
	 */
	public static BandGapMap byThickness(ThicknessMap thickness, double... gaps) {
		int[] regions = thickness.regionLabels();
		int distinct = Arrays.stream(regions).max().orElse(0) + 1;
		if (distinct != gaps.length)
			throw new IllegalArgumentException("the thickness map has " + distinct + " regions but " + gaps.length + " band gaps were given");
		return new BandGapMap(thickness.width(), thickness.height(), regions, gaps.clone());
	}

	/**
	 * {@return the band gap of pixel (x, y), eV}
	 *
	 * @param x column
	 * @param y row
	 */
	public double gap(int x, int y) {
		java.util.Objects.checkIndex(x, width);
		java.util.Objects.checkIndex(y, height);
		return gaps[regions[x + y * width]];
	}

	/** {@return a new array with every pixel's band gap, eV, x fastest} */
	public float[] toArray() {
		float[] map = new float[regions.length];
		for (int p = 0; p < map.length; p++) map[p] = (float) gaps[regions[p]];
		return map;
	}
}
