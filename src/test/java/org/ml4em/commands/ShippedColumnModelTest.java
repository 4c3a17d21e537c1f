package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.columns.ColumnFinder;
import org.ml4em.columns.ColumnFinderEvaluation;
import org.ml4em.columns.ColumnFinderEvaluation.Result;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.TestImageSets;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/**
 * The model shipped in the jar on freshly simulated images (test seeds, never trained or
 * validated on), at the match tolerance of 0.5 Å: F1 ≥ 0.97 over doses from 1 to 100
 * detected electrons at a carbon column's peak, better than the LoG baseline by at least 0.05 at
 * the lowest of them, and vacancies and dopants told apart with F1 ≥ 0.9. The full-size figures
 * (24 images per set) come from {@code bench/columns_accuracy.sh}.
 */
class ShippedColumnModelTest {

	private static final double TOLERANCE = 0.5;
	private static final int IMAGES = 6, SIZE = 256;

	private static SavedModelRunner runner;
	private static ColumnFinder finder;

	@BeforeAll
	static void load() throws Exception {
		Path dir = ColumnModelFolder.extractShipped();
		runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.CPU));
		finder = new ColumnFinder(ColumnModelFolder.read(dir, runner), 0.5, ColumnFinder.DEFAULT_TILE_SIZE);
	}

	@AfterAll
	static void close() {
		runner.close();
	}

	private static Result cnn(List<AtomicImageSettings> images) {
		return ColumnFinderEvaluation.evaluate(ColumnFinderEvaluation.finder(finder), images, TOLERANCE);
	}

	private static Result log(List<AtomicImageSettings> images) {
		return ColumnFinderEvaluation.evaluate(ColumnFinderEvaluation.logBaseline(0.3), images, TOLERANCE);
	}

	@Test
	void findsColumnsWithF1OfAtLeast097OverARangeOfDoses() {
		for (double dose : new double[] { 1, 5, 20, 100 }) {
			Result r = cnn(TestImageSets.anyLattice(IMAGES, SIZE, dose, 11));
			System.out.printf(Locale.ROOT, "ShippedColumnModelTest: any lattice, %.0f e- at a C column's peak: F1 %.4f (P %.4f, R %.4f), RMS %.1f pm, %d columns%n",
				dose, r.columns().f1(), r.columns().precision(), r.columns().recall(), r.rmsErrorPm(), r.columns().truth());
			assertTrue(r.columns().f1() >= 0.97, "dose " + dose + ": " + r.columns());
		}
	}

	@Test
	void beatsTheLogBaselineAtTheLowestDose() {
		Map<String, List<AtomicImageSettings>> sets = new LinkedHashMap<>();
		sets.put("any lattice", TestImageSets.anyLattice(IMAGES, SIZE, 1, 12));
		sets.put("graphene", TestImageSets.graphene(IMAGES, SIZE, 1, 13));
		sets.forEach((name, set) -> {
			Result c = cnn(set), l = log(set);
			System.out.printf(Locale.ROOT, "ShippedColumnModelTest: %s at 1 e-: CNN F1 %.4f (RMS %.1f pm), LoG F1 %.4f (RMS %.1f pm)%n", name, c.columns().f1(),
				c.rmsErrorPm(), l.columns().f1(), l.rmsErrorPm());
			assertTrue(c.columns().f1() >= l.columns().f1() + 0.05, name + ": CNN " + c.columns() + " vs LoG " + l.columns());
		});
	}

	@Test
	void classifiesVacanciesAndDopants() {
		Result r = cnn(TestImageSets.defectRich(2 * IMAGES, SIZE, 20, 14));
		System.out.printf(Locale.ROOT, "ShippedColumnModelTest: defect-rich, 20 e-: F1 atom %.3f, vacancy %.3f (%d), dopant %.3f (%d)%n", r.of("atom").f1(),
			r.of("vacancy").f1(), r.of("vacancy").truth(), r.of("dopant").f1(), r.of("dopant").truth());
		assertTrue(r.of("vacancy").truth() > 50 && r.of("dopant").truth() > 50, "enough defects to judge: " + r.scores());
		assertTrue(r.of("vacancy").f1() >= 0.9, r.of("vacancy").toString());
		assertTrue(r.of("dopant").f1() >= 0.9, r.of("dopant").toString());
	}
}
