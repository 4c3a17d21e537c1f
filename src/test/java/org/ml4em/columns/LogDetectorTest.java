package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnClass;
import org.ml4em.columns.sim.Lattice;
import org.ml4em.columns.sim.SimulatedAtomicImage;

/** The LoG baseline on simulated HAADF images: near perfect at high dose, worse at low dose. */
class LogDetectorTest {

	/** F1 and RMS error (pm) of LoG positions against the sites that hold a column, 0.5 Å tolerance. */
	private static ClassScore score(AtomicImageSettings s) {
		SimulatedAtomicImage image = new AtomicImageSimulator(s).simulate();
		List<DetectedColumn> found = new LogDetector(s.probeFwhm() / s.pixelSize(), 0.3).detect(image.pixels(), image.width(), image.height(), Progress.NONE);
		List<ColumnPoint> truth = image.columns().stream().filter(c -> c.columnClass() != ColumnClass.VACANCY).map(c -> new ColumnPoint(c.x(), c.y(), "atom"))
			.toList();
		return ColumnMatching.score(truth, found.stream().map(DetectedColumn::point).toList(), 0.5 / s.pixelSize()).get(0);
	}

	@Test
	void findsNearlyEveryColumnAtHighDose() {
		for (Lattice lattice : new Lattice[] { Lattice.GRAPHENE, Lattice.MOS2 }) {
			AtomicImageSettings s = AtomicImageSettings.defaults().withLattice(lattice, 23).withDose(100, 10).withSeed(11);
			ClassScore all = score(s);
			System.out.printf("LogDetectorTest %s high dose: F1 %.4f, RMS %.1f pm%n", lattice, all.f1(), all.rmsError() * 10);
			// Not 1: next to a dopant (4 times brighter) the LoG's negative ring still hides a few neighbours.
			assertTrue(all.f1() > 0.95, lattice + " " + all);
			assertTrue(all.rmsError() * s.pixelSize() * 100 < 5, lattice + " RMS " + all.rmsError() * 10 + " pm");
		}
	}

	@Test
	void losesColumnsAtLowDose() {
		// About half a detected electron at a carbon column's peak (1.6 pA × 1 µs × 6.24 × 5 %).
		AtomicImageSettings s = AtomicImageSettings.defaults().withDose(1.6, 1).withSeed(12);
		ClassScore low = score(s);
		System.out.printf("LogDetectorTest graphene, about 0.5 e- at a column peak: F1 %.3f, RMS %.1f pm%n", low.f1(), low.rmsError() * 10);
		assertTrue(low.f1() < 0.97, "at low dose the baseline is not perfect: " + low);
		assertTrue(low.f1() > 0.3, "but it still finds columns: " + low);
	}

	@Test
	void refusesImagesItCannotFilter() {
		assertTrue(assertThrows(BadInputException.class, () -> new LogDetector(11, 0.3).detect(new float[] { 1, Float.NaN, 0, 0 }, 2, 2, Progress.NONE))
			.getMessage().contains("NaN"));
		assertTrue(assertThrows(BadInputException.class, () -> new LogDetector(11, 0.3).detect(new float[100], 10, 10, Progress.NONE)).getMessage()
			.contains("smaller than the filter"));
		assertTrue(assertThrows(BadInputException.class, () -> new LogDetector(0.2, 0.3)).getMessage().contains("pixel size"));
	}
}
