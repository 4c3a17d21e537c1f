package org.ml4em.columns.sim;

import java.util.SplittableRandom;

/**
 * Random simulator settings for training and testing the column finder: every setting drawn from
 * the range the finder is meant for (SCIENCE.md section 3), so that it does not learn one lattice,
 * orientation, probe or dose. Deterministic: the same seed gives the same settings.
 * <ul>
 * <li>lattice: any of {@link Lattice}, rotation 0 … 360°;</li>
 * <li>pixel size {@value AtomicImageSettings#MIN_PIXEL_SIZE} … {@value AtomicImageSettings#MAX_PIXEL_SIZE} Å;</li>
 * <li>probe FWHM 0.9 … 1.3 Å, tail 0 … 10 % of 3 … 6 Å; Z exponent 1.4 … 2;</li>
 * <li>dose: detected electrons at a carbon column's peak log-uniform in 0.5 … 200 (so from
 * "barely visible" to clean), background 0 … 0.3 with a gradient within ±0.3, read noise 0 … 1 e⁻;</li>
 * <li>row jitter 0 … 0.5 px, drift within ±3 px, shear within ±0.005 px per row;</li>
 * <li>vacancies and dopants 0 … 5 % each, the dopant one period heavier.</li>
 * </ul>
 */
public final class TrainingSampler {

	/** Detected electrons at a carbon column's peak, lowest and highest. */
	public static final double MIN_PEAK_ELECTRONS = 0.5, MAX_PEAK_ELECTRONS = 200;

	private static final double DETECTOR_FRACTION = 0.05, DWELL_MICROSECONDS = 1;

	private TrainingSampler() {}

	/**
	 * {@return random settings of a square image}
	 *
	 * @param size width and height, pixels
	 * @param seed seed of the draw and of the image
	 */
	public static AtomicImageSettings sample(int size, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		Lattice lattice = Lattice.values()[r.nextInt(Lattice.values().length)];
		double peak = MIN_PEAK_ELECTRONS * Math.pow(MAX_PEAK_ELECTRONS / MIN_PEAK_ELECTRONS, r.nextDouble());
		double current = AtomicImageSettings.beamCurrentFor(peak, DWELL_MICROSECONDS, DETECTOR_FRACTION);
		return new AtomicImageSettings(size, size, uniform(r, AtomicImageSettings.MIN_PIXEL_SIZE, AtomicImageSettings.MAX_PIXEL_SIZE), lattice,
			360 * r.nextDouble(), uniform(r, 0.9, 1.3), uniform(r, 0, 0.1), uniform(r, 3, 6), uniform(r, 1.4, 2), current, DWELL_MICROSECONDS,
			DETECTOR_FRACTION, uniform(r, 0, 0.3), uniform(r, -0.3, 0.3), uniform(r, 0, 1), uniform(r, 0, 0.5), uniform(r, -3, 3), uniform(r, -3, 3),
			uniform(r, -0.005, 0.005), uniform(r, 0, 0.05), uniform(r, 0, 0.05), 0, r.nextLong());
	}

	private static double uniform(SplittableRandom r, double low, double high) {
		return low + (high - low) * r.nextDouble();
	}
}
