package org.ml4em.columns.sim;

import java.util.List;

/**
 * What the column finder learns to output for a simulated image (SCIENCE.md section 3): channel 0,
 * a heat map with a Gaussian of σ = {@value #SIGMA_ANGSTROM} Å (peak 1) at every site, vacancies
 * included (the finder must find a vacancy to classify it); then one channel per
 * {@link ColumnClass}, with the same Gaussians at that class's sites only. Where Gaussians overlap
 * the larger value counts, so every channel stays within 0 … 1.
 */
public final class ColumnTargets {

	/** σ of the target Gaussians, Å: narrower than any column spacing (≥ 1.4 Å), wider than a pixel. */
	public static final double SIGMA_ANGSTROM = 0.3;

	/** Channels: the heat map, then one per class in {@link ColumnClass} order. */
	public static final int CHANNELS = 1 + ColumnClass.values().length;

	private ColumnTargets() {}

	/**
	 * {@return the targets {@code [channel][x + y·width]}}
	 *
	 * @param image the simulated image and its truth
	 */
	public static float[][] of(SimulatedAtomicImage image) {
		int w = image.width(), h = image.height();
		float[][] targets = new float[CHANNELS][w * h];
		double sigma = SIGMA_ANGSTROM / image.settings().pixelSize();
		int reach = (int) Math.ceil(4 * sigma);
		List<SimulatedColumn> columns = image.columns();
		for (SimulatedColumn c : columns) {
			float[] own = targets[1 + c.columnClass().ordinal()];
			int cx = (int) Math.round(c.x()), cy = (int) Math.round(c.y());
			for (int j = Math.max(0, cy - reach); j <= Math.min(h - 1, cy + reach); j++)
				for (int i = Math.max(0, cx - reach); i <= Math.min(w - 1, cx + reach); i++) {
					double dx = i - c.x(), dy = j - c.y();
					float v = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
					int k = i + j * w;
					targets[0][k] = Math.max(targets[0][k], v);
					own[k] = Math.max(own[k], v);
				}
		}
		return targets;
	}
}
