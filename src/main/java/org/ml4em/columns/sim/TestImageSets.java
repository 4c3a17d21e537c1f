package org.ml4em.columns.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulated image sets for judging the column finder, never used in training (their seeds are
 * above {@value #FIRST_SEED}; training draws from the trainer's seed and validation from 700 000):
 * images drawn like the training images ({@link TrainingSampler}) but at a chosen dose, graphene
 * only at a chosen dose (the literature's comparison with LoG), and images rich in defects.
 */
public final class TestImageSets {

	/** Seeds of test images start here. */
	public static final long FIRST_SEED = 900_000_000L;

	private TestImageSets() {}

	/**
	 * {@return {@code count} images of any lattice, orientation, pixel size and probe, at one dose}
	 *
	 * @param peakElectrons detected electrons at a carbon column's peak
	 */
	public static List<AtomicImageSettings> anyLattice(int count, int size, double peakElectrons, long seed) {
		List<AtomicImageSettings> set = new ArrayList<>();
		for (int i = 0; i < count; i++)
			set.add(atDose(TrainingSampler.sample(size, FIRST_SEED + seed * 1000 + i), peakElectrons));
		return set;
	}

	/** {@return {@code count} graphene images (other settings random as in training) at one dose} */
	public static List<AtomicImageSettings> graphene(int count, int size, double peakElectrons, long seed) {
		List<AtomicImageSettings> set = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			AtomicImageSettings s = TrainingSampler.sample(size, FIRST_SEED + seed * 1000 + 500 + i);
			set.add(atDose(s.withLattice(Lattice.GRAPHENE, s.rotation()), peakElectrons));
		}
		return set;
	}

	/** {@return {@code count} images with 5 % vacancies and 5 % dopants (one period heavier) at one dose} */
	public static List<AtomicImageSettings> defectRich(int count, int size, double peakElectrons, long seed) {
		List<AtomicImageSettings> set = new ArrayList<>();
		for (AtomicImageSettings s : anyLattice(count, size, peakElectrons, seed + 77))
			set.add(s.withDefects(0.05, 0.05, 0));
		return set;
	}

	/** {@return the settings with the beam current that gives {@code peakElectrons} at a carbon column's peak} */
	public static AtomicImageSettings atDose(AtomicImageSettings s, double peakElectrons) {
		return s.withDose(AtomicImageSettings.beamCurrentFor(peakElectrons, s.dwellTime(), s.detectorFraction()), s.dwellTime());
	}
}
