package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Median and 68 % bands of a replica ensemble, and the rejection of outlier replicas. */
class ZlpEnsembleTest {

	@Test
	void outliersAreRejectedAndCounted() {
		double[] chi2 = { 1.00, 1.05, 0.97, 1.02, 0.99, 9.0, Double.NaN, 1.01 };
		boolean[] kept = ZlpEnsemble.keep(chi2);
		assertArrayEquals(new boolean[] { true, true, true, true, true, false, false, true }, kept);
		assertArrayEquals(new boolean[] { true, true }, ZlpEnsemble.keep(new double[] { 2, 2 }), "an agreeing ensemble keeps all");
	}

	@Test
	void replicasAboveTheFittedChi2HaveNotFittedTheirDataWhateverTheOthersDo() {
		// An ensemble trained too briefly agrees with itself: no outlier, yet no replica fits.
		double[] brief = { 8.4, 9.2, 10.5, 14.8 };
		assertArrayEquals(new boolean[] { true, true, true, true }, ZlpEnsemble.keep(brief));
		assertArrayEquals(new boolean[4], ZlpEnsemble.fitted(brief));
		assertArrayEquals(new boolean[] { true, true, false, false }, ZlpEnsemble.fitted(new double[] { 0.3, ZlpEnsemble.FITTED_CHI2, 4.01, Double.NaN }));
	}

	@Test
	void bandsArePercentilesOverKeptReplicas() {
		double[] energies = { 0, 1 };
		double[] spectrum = { 100, 10 };
		// Five kept replicas with ZLP 1..5 counts in channel 1, and one rejected with 1000.
		float[][] ln = new float[6][];
		for (int r = 0; r < 5; r++)
			ln[r] = new float[] { (float) Math.log(100), (float) Math.log(r + 1) };
		ln[5] = new float[] { (float) Math.log(100), (float) Math.log(1000) };
		boolean[] kept = { true, true, true, true, true, false };
		ZlpEnsemble e = ZlpEnsemble.of(energies, spectrum, ln, kept);
		assertEquals(3, e.zlpMedian()[1], 1e-5);
		assertEquals(1 + 0.64, e.zlpLow()[1], 1e-4); // position 4 · 0.16 = 0.64 between 1 and 2
		assertEquals(5 - 0.64, e.zlpHigh()[1], 1e-4);
		assertEquals(7, e.inelasticMedian()[1], 1e-5);
		assertEquals(10 - (5 - 0.64), e.inelasticLow()[1], 1e-4);
		assertEquals(0, e.inelasticMedian()[0], 1e-3);
		assertEquals(5, e.keptCount());
		assertTrue(Double.isNaN(ZlpEnsemble.of(energies, spectrum, ln, new boolean[6]).zlpMedian()[0]));
	}
}
