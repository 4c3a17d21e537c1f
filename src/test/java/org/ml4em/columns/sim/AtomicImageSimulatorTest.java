package org.ml4em.columns.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** The HAADF simulator: ground truth where the image shows it, dose, contrast, defects, determinism. */
class AtomicImageSimulatorTest {

	/** About 2500 detected electrons at a carbon column's peak: noise far below every effect tested. */
	private static AtomicImageSettings bright() {
		return AtomicImageSettings.defaults().withDose(1000, 10).withBackground(0.1, 0, 0);
	}

	private static SimulatedAtomicImage simulate(AtomicImageSettings s) {
		return new AtomicImageSimulator(s).simulate();
	}

	@Test
	void theExpectedImageIsTheMeanOfTheNoisyOne() {
		AtomicImageSettings s = AtomicImageSettings.defaults().withDose(2, 1).withDistortions(0.3, 2, 1, 0.01).withSeed(8);
		AtomicImageSimulator simulator = new AtomicImageSimulator(s);
		float[] noisy = simulator.simulate().pixels(), expected = simulator.expected();
		double residual = 0, total = 0, varianceSum = 0;
		for (int i = 0; i < noisy.length; i++) {
			residual += noisy[i] - expected[i];
			total += expected[i];
			varianceSum += expected[i] + s.readNoise() * s.readNoise();
		}
		assertTrue(total > 1000, "enough counts to judge: " + total);
		// The sum of Poisson counts (plus read noise) differs from the sum of their means by a few standard deviations at most.
		assertEquals(0, residual, 4 * Math.sqrt(varianceSum), "counted " + (total + residual) + " against " + total + " expected");
		assertFalse(Arrays.equals(noisy, expected), "the noisy image has noise");
		assertArrayEquals(expected, simulator.expected(), "the same seed gives the same expected image");
	}

	@Test
	void isDeterministicForASeed() {
		AtomicImageSettings s = AtomicImageSettings.defaults().withDistortions(0.3, 2, 1, 0.01).withSeed(5);
		SimulatedAtomicImage a = simulate(s), b = simulate(s), c = simulate(s.withSeed(6));
		assertArrayEquals(a.pixels(), b.pixels());
		assertEquals(a.columns(), b.columns());
		assertFalse(Arrays.equals(a.pixels(), c.pixels()));
	}

	@Test
	void truePositionsAreWhereTheImageShowsTheColumns() {
		// Drift, shear and rotation move the columns in the image; the truth must follow them.
		for (AtomicImageSettings s : new AtomicImageSettings[] { bright(), bright().withLattice(Lattice.MOS2, 17).withDistortions(0, 6, -5, 0.02) }) {
			SimulatedAtomicImage image = simulate(s.withDefects(0, 0, 0));
			double worst = 0;
			int checked = 0;
			for (SimulatedColumn c : image.columns()) {
				if (c.x() < 8 || c.y() < 8 || c.x() > image.width() - 9 || c.y() > image.height() - 9) continue;
				double[] centre = centroid(image, c.x(), c.y(), 3);
				worst = Math.max(worst, Math.hypot(centre[0] - c.x(), centre[1] - c.y()));
				checked++;
			}
			assertTrue(checked > 100, "columns checked " + checked);
			// 0.3 px = 0.03 Å: the centroid of a 3 px disc around the truth is pulled only by the neighbours' tails.
			assertTrue(worst < 0.3, s.lattice() + ": worst centroid offset " + worst + " px");
		}
	}

	/** Background-subtracted intensity centroid in a disc of radius r around (x, y). */
	private static double[] centroid(SimulatedAtomicImage image, double x, double y, double r) {
		double sx = 0, sy = 0, sw = 0, floor = Double.MAX_VALUE;
		for (int j = (int) (y - r); j <= y + r + 1; j++)
			for (int i = (int) (x - r); i <= x + r + 1; i++)
				if (Math.hypot(i - x, j - y) <= r) floor = Math.min(floor, image.pixels()[i + j * image.width()]);
		for (int j = (int) (y - r); j <= y + r + 1; j++)
			for (int i = (int) (x - r); i <= x + r + 1; i++)
				if (Math.hypot(i - x, j - y) <= r) {
					double w = image.pixels()[i + j * image.width()] - floor;
					sx += w * i;
					sy += w * j;
					sw += w;
				}
		return new double[] { sx / sw, sy / sw };
	}

	@Test
	void countsFollowTheDose() {
		AtomicImageSettings s = AtomicImageSettings.defaults().withBackground(0.1, 0, 0);
		double low = mean(simulate(s.withDose(10, 2)).pixels()), high = mean(simulate(s.withDose(40, 2)).pixels());
		assertEquals(4, high / low, 0.04);
		assertEquals(6.24 * 40 * 2, s.withDose(40, 2).dose(), 1e-9);
	}

	private static double mean(float[] values) {
		double sum = 0;
		for (float v : values) sum += v;
		return sum / values.length;
	}

	@Test
	void contrastFollowsZToTheN() {
		// MoS₂: a Mo column (Z 42) against an S₂ column (2 × Z 16), n = 1.7.
		SimulatedAtomicImage image = simulate(bright().withLattice(Lattice.MOS2, 0).withDefects(0, 0, 0).withBackground(0, 0, 0).withProbe(0.8, 0, 4));
		double mo = meanPeak(image, "Mo", ColumnClass.ATOM), s2 = meanPeak(image, "S2", ColumnClass.ATOM);
		assertEquals(Math.pow(42, 1.7) / (2 * Math.pow(16, 1.7)), mo / s2, 0.05 * mo / s2);
	}

	@Test
	void vacanciesAreDarkAndDopantsBright() {
		SimulatedAtomicImage image = simulate(bright().withSize(512, 512).withDefects(0.1, 0.1, 14));
		assertTrue(image.count(ColumnClass.VACANCY) > 50 && image.count(ColumnClass.DOPANT) > 50, "defects " + image.count(ColumnClass.VACANCY) + ", "
			+ image.count(ColumnClass.DOPANT));
		double atom = meanPeak(image, "C", ColumnClass.ATOM), vacancy = meanPeak(image, "C", ColumnClass.VACANCY), dopant = meanPeak(image, "C", ColumnClass.DOPANT);
		// A vacancy still gets its neighbours' probe tails (1.42 Å away), but far less than a column.
		assertTrue(vacancy < 0.5 * atom, "vacancy " + vacancy + " vs atom " + atom);
		// Si (14) for C (6): (14/6)^1.7 = 4.2 times the column's own signal.
		assertTrue(dopant > 2.5 * atom, "dopant " + dopant + " vs atom " + atom);
	}

	/** Mean of the pixel nearest to each site of a species and class, away from the borders. */
	private static double meanPeak(SimulatedAtomicImage image, String species, ColumnClass c) {
		double sum = 0;
		int n = 0;
		for (SimulatedColumn s : image.columns())
			if (s.species().equals(species) && s.columnClass() == c) {
				int i = (int) Math.round(s.x()), j = (int) Math.round(s.y());
				if (i < 2 || j < 2 || i >= image.width() - 2 || j >= image.height() - 2) continue;
				sum += image.pixels()[i + j * image.width()];
				n++;
			}
		assertTrue(n > 0, "no " + species + " " + c);
		return sum / n;
	}

	@Test
	void theTruthHoldsEverySiteOfTheImage() {
		// Graphene: 2 columns per cell of a²·√3/2 Å²; 256² pixels of 0.1 Å hold 655 Å².
		for (double rotation : new double[] { 0, 30, 71 }) {
			SimulatedAtomicImage image = simulate(AtomicImageSettings.defaults().withLattice(Lattice.GRAPHENE, rotation));
			double expected = 25.6 * 25.6 * 2 / (2.46 * 2.46 * Math.sqrt(3) / 2);
			assertEquals(expected, image.columns().size(), 0.04 * expected, "rotation " + rotation);
		}
		// A lattice aligned with the scan gains or loses whole rows at the borders: a larger, rotated image.
		SimulatedAtomicImage square = simulate(AtomicImageSettings.defaults().withSize(512, 512).withLattice(Lattice.SQUARE, 33));
		double cells = 51.2 * 51.2 / (3.905 * 3.905);
		assertEquals(2 * cells, square.columns().size(), 0.04 * 2 * cells);
	}

	@Test
	void badSettingsAreOneSentence() {
		AtomicImageSettings s = AtomicImageSettings.defaults();
		assertOneSentence(assertThrows(BadInputException.class, () -> s.withSize(4, 100)), "at least 8 x 8");
		assertOneSentence(assertThrows(BadInputException.class, () -> s.withPixelSize(-1)), "pixel_size");
		assertOneSentence(assertThrows(BadInputException.class, () -> s.withDose(0, 1)), "beam current");
		assertOneSentence(assertThrows(BadInputException.class, () -> s.withDefects(0.6, 0.5, 0)), "sum to below 1");
		assertOneSentence(assertThrows(BadInputException.class, () -> s.withProbe(1, 1, 4)), "tail_fraction");
		assertOneSentence(assertThrows(BadInputException.class, () -> Lattice.parse("diamond")), "graphene, hbn, mos2 or square");
		assertEquals(Lattice.MOS2, Lattice.parse(" MoS2 "));
	}

	private static void assertOneSentence(BadInputException e, String fragment) {
		String m = e.getMessage();
		assertTrue(m.contains(fragment), m);
		assertTrue(Character.isUpperCase(m.charAt(0)) || Character.isLowerCase(m.charAt(0)), m);
		assertTrue(m.endsWith(".") && !m.substring(0, m.length() - 1).matches(".*\\.(\\s|$).*"), m);
	}
}
