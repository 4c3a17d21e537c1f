package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

class ThicknessClusteringTest {

	private static final ThicknessMap THREE = ThicknessMap.stripes(60, 40, 0.2, 0.5, 0.9);
	private static final ThicknessMap FIVE = ThicknessMap.stripes(60, 40, 0.1, 0.3, 0.5, 0.7, 0.9);

	private static ThicknessMaps maps(ThicknessMap map) {
		ThicknessSettings mapsOnly = ThicknessSettings.defaults().withClusters(ThicknessSettings.NO_CLUSTERING);
		return new ThicknessAnalysis(mapsOnly).run(SyntheticLowLoss.defaults().withSeed(11).generate(map), Progress.NONE).maps();
	}

	private static ThicknessClusters cluster(ThicknessMaps maps, ThicknessSettings settings) {
		return new ThicknessClustering(settings).cluster(maps, Progress.NONE);
	}

	private static double accuracy(int[] labels, ThicknessMap truth) {
		int[] expected = truth.regionLabels();
		int same = 0;
		for (int p = 0; p < labels.length; p++) if (labels[p] == expected[p]) same++;
		return same / (double) labels.length;
	}

	@Test
	void threeRegionsWithKGiven() {
		for (ThicknessFeature feature : ThicknessFeature.values()) {
			ThicknessClusters c = cluster(maps(THREE), ThicknessSettings.defaults().withClusters(3).withFeature(feature));
			// Measured: every pixel right, with either feature.
			assertTrue(accuracy(c.labels(), THREE) > 0.99, feature + ": accuracy " + accuracy(c.labels(), THREE));
			assertEquals(3, c.k());
			assertFalse(c.automatic());
			assertEquals(0, c.criterion().length);
			assertEquals(800, c.pixelCounts()[1]);
		}
	}

	@Test
	void threeRegionsWithKChosenAutomatically() {
		for (ThicknessFeature feature : ThicknessFeature.values()) {
			ThicknessClusters c = cluster(maps(THREE), ThicknessSettings.defaults().withFeature(feature));
			assertEquals(3, c.k(), feature + ": BIC " + java.util.Arrays.toString(c.criterion()));
			assertTrue(c.automatic());
			assertEquals(ThicknessSettings.DEFAULT_MAX_CLUSTERS, c.criterion().length);
			assertTrue(accuracy(c.labels(), THREE) > 0.99);
		}
	}

	@Test
	void fiveRegionsGiveFiveClasses() {
		for (ThicknessFeature feature : ThicknessFeature.values()) {
			ThicknessClusters c = cluster(maps(FIVE), ThicknessSettings.defaults().withFeature(feature));
			assertEquals(5, c.k(), feature + ": BIC " + java.util.Arrays.toString(c.criterion()));
			assertTrue(accuracy(c.labels(), FIVE) > 0.99);
		}
	}

	@Test
	void aUniformFilmIsOneClass() {
		for (ThicknessFeature feature : ThicknessFeature.values()) {
			ThicknessClusters c = cluster(maps(ThicknessMap.uniform(60, 40, 0.5)), ThicknessSettings.defaults().withFeature(feature));
			assertEquals(1, c.k(), feature + ": BIC " + java.util.Arrays.toString(c.criterion()));
			assertEquals(2400, c.pixelCounts()[0]);
		}
	}

	@Test
	void labelsAscendWithThickness() {
		// Discs of decreasing thickness left to right on a medium background: label order must follow t/λ, not position.
		ThicknessMap discs = ThicknessMap.discs(90, 30, 0.4, 1.0, 0.7, 0.1);
		ThicknessClusters c = cluster(maps(discs), ThicknessSettings.defaults());
		assertEquals(4, c.k());
		assertTrue(accuracy(c.labels(), discs) > 0.99, "accuracy " + accuracy(c.labels(), discs));
		for (int j = 1; j < 4; j++) assertTrue(c.meanThickness()[j] > c.meanThickness()[j - 1]);
		// ln(I_total) falls with thickness, so the K-means centres descend.
		for (int j = 1; j < 4; j++) assertTrue(c.centres()[j] < c.centres()[j - 1]);
	}

	@Test
	void tinyImagesGetNoMoreThanOneClassPerTenPixels() {
		// With 4 pixels a 4-component mixture sits one component on each pixel; BIC would reward it.
		ThicknessClusters c = cluster(maps(ThicknessMap.stripes(2, 2, 0.2, 0.9)), ThicknessSettings.defaults());
		assertEquals(1, c.k());
		assertEquals(Double.POSITIVE_INFINITY, c.criterion()[1]);
	}

	@Test
	void refusesMoreClassesThanPixels() {
		ThicknessMaps maps = maps(ThicknessMap.uniform(2, 2, 0.5));
		BadInputException e = assertThrows(BadInputException.class, () -> cluster(maps, ThicknessSettings.defaults().withClusters(5)));
		assertTrue(e.getMessage().contains("k=5 is larger than the number of pixels to cluster (4)"), e.getMessage());
	}

	@Test
	void sameResultWhateverTheThreadCount() {
		ThicknessMaps maps = maps(THREE);
		ThicknessClusters one = cluster(maps, ThicknessSettings.defaults().withThreads(1));
		ThicknessClusters two = cluster(maps, ThicknessSettings.defaults().withThreads(2));
		assertEquals(java.util.Arrays.toString(one.criterion()), java.util.Arrays.toString(two.criterion()));
		assertTrue(java.util.Arrays.equals(one.labels(), two.labels()));
	}
}
