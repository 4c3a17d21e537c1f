package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

/** dE1/dE2 and the replicas' training data, on a simulated image of three thicknesses. */
class ZlpTrainingSetTest {

	private static ThicknessResult analysis;

	@BeforeAll
	static void analyse() {
		analysis = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(3))
			.run(SyntheticLowLoss.defaults().generate(ThicknessMap.stripes(30, 20, 0.2, 0.5, 0.9)), Progress.NONE);
	}

	private static ZlpCutoffs automatic() {
		return ZlpCutoffs.of(analysis.clusterSpectra(), analysis.aligned().energyAxis(), Double.NaN, Double.NaN, 10);
	}

	@Test
	void automaticCutoffsSitAfterThePeakAndBeforeThePlasmon() {
		ZlpCutoffs cutoffs = automatic();
		for (int c = 0; c < 3; c++) {
			// ZLP FWHM 0.6 eV, plasmon at 20 eV, gap at 3 eV: the knee lies between the two.
			assertTrue(cutoffs.de1()[c] > 0.3 && cutoffs.de1()[c] < 3, "dE1 of class " + c + ": " + cutoffs.de1()[c]);
			assertEquals(3 * cutoffs.de1()[c], cutoffs.de2()[c], 1e-12);
		}
		ZlpCutoffs given = ZlpCutoffs.of(analysis.clusterSpectra(), analysis.aligned().energyAxis(), 1.5, 6, 10);
		assertArrayEquals(new double[] { 1.5, 1.5, 1.5 }, given.de1());
		assertArrayEquals(new double[] { 6, 6, 6 }, given.de2());
		BadInputException beyond = assertThrows(BadInputException.class,
			() -> ZlpCutoffs.of(analysis.clusterSpectra(), analysis.aligned().energyAxis(), 1.5, 500, 10));
		assertTrue(beyond.getMessage().contains("beyond the last recorded energy"), beyond.getMessage());
		assertThrows(BadInputException.class, () -> new ZlpCutoffs(new double[] { 2 }, new double[] { 1 }));
	}

	@Test
	void replicasDrawOnePixelPerClassAndUseDataBelowDe1AndPseudoDataAboveDe2() {
		ZlpCutoffs cutoffs = automatic();
		int[] labels = analysis.clusters().labels();
		ZlpTrainingSet set = ZlpTrainingSet.draw(analysis.aligned(), analysis.maps().totalIntensity(), labels, analysis.clusterSpectra(), cutoffs, 8, 7);
		assertEquals(8, set.replicas());
		ZlpInputScaling s = set.scaling();
		double maxDe1 = Math.max(cutoffs.de1()[0], Math.max(cutoffs.de1()[1], cutoffs.de1()[2]));
		double minDe2 = Math.min(cutoffs.de2()[0], Math.min(cutoffs.de2()[1], cutoffs.de2()[2]));
		Set<Integer> drawn = new HashSet<>();
		long train = 0, all = 0;
		for (int r = 0; r < 8; r++) {
			for (int c = 0; c < 3; c++) {
				assertEquals(c, labels[set.pixels()[r][c]], "replica " + r + " drew a pixel of another class");
				drawn.add(set.pixels()[r][c]);
			}
			int pseudo = 0;
			for (int p = 0; p < set.points(); p++) {
				float w = set.trainWeight()[r][p] + set.validationWeight()[r][p];
				if (w == 0)
					continue;
				all++;
				train += (long) set.trainWeight()[r][p];
				double e = s.energyMin() + (set.x()[r][p][0] - 0.1) / 0.8 * (s.energyMax() - s.energyMin());
				if (set.y()[r][p] == 0 && set.sigma()[r][p] == (float) ZlpTrainingSet.PSEUDO_SIGMA) {
					pseudo++;
					assertTrue(e >= minDe2 - 1e-3, "pseudo-data at " + e + " eV, below dE2");
				}
				else {
					assertTrue(e <= maxDe1 + 1e-3, "data at " + e + " eV, above dE1");
					assertTrue(set.sigma()[r][p] > 0, "sigma must be positive");
				}
			}
			assertEquals(3 * ZlpTrainingSet.PSEUDO_POINTS, pseudo);
		}
		assertTrue(drawn.size() > 12, "replicas should draw different pixels: " + drawn.size());
		assertEquals(ZlpTrainingSet.TRAIN_FRACTION, (double) train / all, 0.05);
		ZlpTrainingSet again = ZlpTrainingSet.draw(analysis.aligned(), analysis.maps().totalIntensity(), labels, analysis.clusterSpectra(), cutoffs, 8, 7);
		assertArrayEquals(set.y()[5], again.y()[5], "same seed, same data");
	}

	@Test
	void inputsAreScaledIntoTheSigmoidRange() {
		ZlpInputScaling s = new ZlpInputScaling(-5, 95, 10, 12);
		assertEquals(0.1f, s.energy(-5), 1e-6);
		assertEquals(0.9f, s.energy(95), 1e-6);
		assertEquals(0.5f, s.logIntensity(11), 1e-6);
		assertEquals(0.5f, new ZlpInputScaling(-5, 95, 11, 11).logIntensity(11));
		float[][] x = s.inputs(new double[] { 45 }, 12);
		assertArrayEquals(new float[] { 0.5f, 0.9f }, x[0], 1e-6f);
	}
}
