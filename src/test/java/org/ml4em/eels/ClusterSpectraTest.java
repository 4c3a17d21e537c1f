package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ml4em.Progress;

class ClusterSpectraTest {

	private static final EnergyAxis ENERGY = new EnergyAxis(-0.5, 0.5, 3);

	@Test
	void percentilesInterpolateBetweenOrderStatistics() {
		double[] v = { 1, 2, 3, 4, 5 };
		assertEquals(3, Percentiles.of(v, 5, 50));
		assertEquals(1.64, Percentiles.of(v, 5, 16), 1e-12);
		assertEquals(4.36, Percentiles.of(v, 5, 84), 1e-12);
		assertEquals(7, Percentiles.of(new double[] { 7 }, 1, 16));
		assertTrue(Double.isNaN(Percentiles.of(new double[0], 0, 50)));
	}

	@Test
	void handBuiltClusters() {
		// Cluster 0: five pixels whose channel 1 holds 5, 1, 4, 2, 3 (and channel 0 ten times that, channel 2 NaN
		// for one pixel, leaving 1, 2, 3, 5); cluster 1: one pixel; one pixel unlabelled.
		ArraySpectrumImage si = ArraySpectrumImage.zeros(7, 1, ENERGY);
		double[] values = { 5, 1, 4, 2, 3 };
		for (int x = 0; x < 5; x++) si.setSpectrum(x, 0, new double[] { 10 * values[x], values[x], x == 2 ? Double.NaN : values[x] });
		si.setSpectrum(5, 0, new double[] { 9, 8, 7 });
		si.setSpectrum(6, 0, new double[] { 1000, 1000, 1000 });
		int[] labels = { 0, 0, 0, 0, 0, 1, -1 };
		ClusterSpectra s = ClusterSpectra.of(si, labels, 2, 2000, 1, 2, Progress.NONE);
		assertArrayEquals(new double[] { -0.5, 0, 0.5 }, s.energies());
		assertArrayEquals(new double[] { 30, 3, 2.5 }, s.median()[0], 1e-12);
		assertArrayEquals(new double[] { 16.4, 1.64, 1.48 }, s.p16()[0], 1e-6);
		assertArrayEquals(new double[] { 43.6, 4.36, 4.04 }, s.p84()[0], 1e-6);
		assertArrayEquals(new double[] { 9, 8, 7 }, s.median()[1]);
		assertArrayEquals(new double[] { 9, 8, 7 }, s.p16()[1]);
		assertArrayEquals(new long[] { 5, 1 }, s.pixelCounts());
		assertArrayEquals(new int[] { 5, 1 }, s.sampledSpectra());
	}

	@Test
	void samplesAtMostTheGivenNumberOfSpectraUniformly() {
		// Pixel x holds the value x: a uniform sample of 0 … 9999 has its median near 5000.
		int n = 10_000;
		ArraySpectrumImage si = ArraySpectrumImage.zeros(n, 1, ENERGY);
		for (int x = 0; x < n; x++) si.setSpectrum(x, 0, new double[] { x, x, x });
		ClusterSpectra s = ClusterSpectra.of(si, new int[n], 1, 500, 3, 2, Progress.NONE);
		assertEquals(n, s.pixelCounts()[0]);
		assertEquals(500, s.sampledSpectra()[0]);
		// Sampling error of a median of 500: σ ≈ 0.5·n/√500 ≈ 224.
		assertEquals(5000, s.median()[0][0], 700);
		assertEquals(1600, s.p16()[0][0], 700);
		ClusterSpectra again = ClusterSpectra.of(si, new int[n], 1, 500, 3, 1, Progress.NONE);
		assertArrayEquals(s.median()[0], again.median()[0], "same seed, same sample");
	}
}
