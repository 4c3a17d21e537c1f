package org.ml4em.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringSettings.Covariance;

class GaussianMixtureTest {

	/** A broad cloud beside a tight one: K-means moves the border into the broad cloud's tail. */
	private static final SyntheticClusters UNEQUAL = new SyntheticClusters(new double[][] { { 0, 0 }, { 5, 0 } }, new double[] { 2.0, 0.3 },
		new int[] { 20_000, 2_000 }, 11);

	@Test
	void kMeansFailsOnUnequalSpreadAndMixtureFixesIt() {
		double kMeans = UNEQUAL.accuracy(new KMeans(ClusteringSettings.kMeans(2)).fit(UNEQUAL.matrix(), Progress.NONE).orderedByFirstFeature().labels());
		double full = UNEQUAL.accuracy(fit(ClusteringSettings.gaussianMixture(2)).labels());
		double diagonal = UNEQUAL.accuracy(fit(ClusteringSettings.gaussianMixture(2).withCovariance(Covariance.DIAGONAL)).labels());
		assertTrue(kMeans < 0.95, "K-means accuracy " + kMeans);
		assertTrue(full > 0.99, "GMM (full) accuracy " + full);
		assertTrue(diagonal > 0.99, "GMM (diagonal) accuracy " + diagonal);
	}

	@Test
	void recoversWeightsMeansAndSpread() {
		ClusteringResult r = fit(ClusteringSettings.gaussianMixture(2).withCovariance(Covariance.DIAGONAL));
		assertEquals(5, r.centres()[2], 0.05);
		var stats = ClusterStatistics.of(UNEQUAL.matrix(), r);
		assertEquals(0.3, stats.get(1).standardDeviation()[0], 0.03);
		assertEquals(2.0, stats.get(0).standardDeviation()[0], 0.1);
		assertEquals(2_000, stats.get(1).pixels(), 100);
		assertTrue(r.converged());
		assertEquals("log-likelihood", r.scoreName());
	}

	@Test
	void logLikelihoodMatchesClosedFormForOneGaussian() {
		SyntheticClusters one = new SyntheticClusters(new double[][] { { 3 } }, new double[] { 2 }, new int[] { 50_000 }, 5);
		ClusteringResult r = fit(one, ClusteringSettings.gaussianMixture(1));
		double var = ClusterStatistics.of(one.matrix(), r).get(0).standardDeviation()[0];
		var *= var;
		double expected = -0.5 * one.rows * (Math.log(2 * Math.PI * var) + 1);
		assertEquals(expected, r.score(), Math.abs(expected) * 1e-6);
	}

	@Test
	void refusesFullCovarianceOfLongSpectra() {
		FeatureMatrix wide = FeatureMatrix.fromArray(new float[100 * 65], 100, 65);
		BadInputException e = assertThrows(BadInputException.class, () -> new GaussianMixture(ClusteringSettings.gaussianMixture(2)).fit(wide, Progress.NONE));
		assertTrue(e.getMessage().contains("covariance=diagonal"), e.getMessage());
	}

	@Test
	void gpuIsRefusedForTheMixture() {
		BadInputException e = assertThrows(BadInputException.class,
			() -> fit(ClusteringSettings.gaussianMixture(2).withDevice(org.ml4em.tf.DeviceChoice.GPU)));
		assertTrue(e.getMessage().contains("method=gmm runs on the CPU only"), e.getMessage());
	}

	private static ClusteringResult fit(ClusteringSettings s) {
		return fit(UNEQUAL, s);
	}

	private static ClusteringResult fit(SyntheticClusters data, ClusteringSettings s) {
		return new GaussianMixture(s).fit(data.matrix(), Progress.NONE).orderedByFirstFeature();
	}
}
