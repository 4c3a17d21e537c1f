package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

/** Median and 68 % interval of Eg over replicas; failed replicas counted, never averaged in. */
class BandGapEnsembleTest {

	private static final double GAP = 1.8321;

	/** Poisson replicas of one direct onset: 200 counts per 0.05 eV channel 1 eV above the gap. */
	private static double[][][] replicas(double[] e, int n) {
		double[] mean = BandGapFitTest.onset(e, GAP, 0.5, 200);
		double[][] values = new double[n][], sigma = new double[n][];
		for (int r = 0; r < n; r++) {
			InelasticSpectrum s = BandGapFitTest.poisson(e, mean, 100 + r);
			values[r] = s.values();
			sigma[r] = s.sigma();
		}
		return new double[][][] { values, sigma };
	}

	@Test
	void medianAndIntervalOfTheReplicas() {
		double[] e = BandGapFitTest.energies(0.5, 5, 0.05);
		double[][][] data = replicas(e, 60);
		BandGapInterval gap = BandGapEnsemble.fit(BandGapSettings.of(GapType.DIRECT), e, data[0], data[1], 2, Progress.NONE);
		assertEquals(60, gap.counted());
		assertEquals(0, gap.failed());
		assertEquals(GAP, gap.median(), 0.02);
		assertTrue(gap.p16() < gap.median() && gap.median() < gap.p84(), gap.toString());
		// The 68 % interval matches the spread of single fits (their standard deviation).
		double mean = Arrays.stream(gap.bandGaps()).average().orElseThrow();
		double sd = Math.sqrt(Arrays.stream(gap.bandGaps()).map(g -> (g - mean) * (g - mean)).sum() / (gap.counted() - 1));
		assertEquals(sd, gap.halfWidth(), 0.5 * sd);
		// The automatic window came from the median spectrum: around the gap.
		assertTrue(gap.window().contains(GAP) && gap.window().contains(GAP + 0.9), gap.window().toString());
		// Thread count does not change the answer.
		BandGapInterval single = BandGapEnsemble.fit(BandGapSettings.of(GapType.DIRECT), e, data[0], data[1], 1, Progress.NONE);
		assertTrue(Arrays.equals(gap.bandGaps(), single.bandGaps()) && gap.median() == single.median());
	}

	@Test
	void failedReplicasAreCountedAndLeftOut() {
		double[] e = BandGapFitTest.energies(0.5, 5, 0.05);
		double[][][] data = replicas(e, 20);
		double[][] values = Arrays.copyOf(data[0], 24), sigma = Arrays.copyOf(data[1], 24);
		double[] ones = new double[e.length];
		Arrays.fill(ones, 1);
		// Refused: no signal at all; a NaN channel. Unreliable: an onset below the window and one at its top end,
		// where the Eg sticks to the edge of its range.
		values[20] = new double[e.length];
		values[21] = data[0][0].clone();
		values[21][40] = Double.NaN;
		values[22] = BandGapFitTest.onset(e, GAP - 0.8, 0.5, 200);
		values[23] = BandGapFitTest.onset(e, GAP + 0.9, 0.5, 200);
		for (int r = 20; r < 24; r++) sigma[r] = ones;
		BandGapSettings settings = BandGapSettings.of(GapType.DIRECT).withWindow(new FitWindow(GAP - 0.5, GAP + 1));
		BandGapInterval gap = BandGapEnsemble.fit(settings, e, values, sigma, 2, Progress.NONE);
		assertEquals(24, gap.replicas());
		assertEquals(2, gap.refused());
		assertEquals(2, gap.unreliable());
		assertEquals(20, gap.counted());
		assertEquals(GAP, gap.median(), 0.03);
		assertTrue(gap.p84() < GAP + 0.2, "the failed replicas stay out of the interval: " + gap);
	}

	@Test
	void refusesAnEnsembleWithoutAnyGap() {
		double[] e = BandGapFitTest.energies(0.5, 5, 0.05);
		double[][] flat = new double[3][e.length];
		BandGapSettings settings = BandGapSettings.of(GapType.DIRECT).withWindow(new FitWindow(1, 3));
		BadInputException none = assertThrows(BadInputException.class, () -> BandGapEnsemble.fit(settings, e, flat, null, 1, Progress.NONE));
		BandGapFitTest.assertOneSentence(none, "3 refused");
		BandGapFitTest.assertOneSentence(assertThrows(BadInputException.class, () -> BandGapEnsemble.fit(settings, e, new double[0][], null, 1, Progress.NONE)),
			"no replica");
		BandGapFitTest.assertOneSentence(
			assertThrows(BadInputException.class, () -> BandGapEnsemble.fit(settings, e, new double[][] { new double[5] }, null, 1, Progress.NONE)), "per energy");
	}

	/**
	 * With a window reach drawn per replica, an onset that is a power law only near the gap (here
	 * saturating, (d/(d + 1 eV))^{3/2}) gives a spread of Eg from the window choice alone, while an
	 * exact power law gives none.
	 */
	@Test
	void windowReachPerReplicaPutsTheWindowChoiceIntoTheInterval() {
		double[] e = BandGapFitTest.energies(0.5, 6, 0.02);
		int n = 30;
		double[] reaches = new double[n];
		for (int r = 0; r < n; r++) reaches[r] = 0.5 + r / (n - 1.0);
		double[] exact = BandGapFitTest.onset(e, GAP, 1.5, 100), saturating = new double[e.length];
		for (int i = 0; i < e.length; i++) {
			double d = Math.max(0, e[i] - GAP);
			saturating[i] = 100 * Math.pow(d / (d + 1), 1.5);
		}
		BandGapSettings indirect = BandGapSettings.of(GapType.INDIRECT);
		double[][] sameExact = new double[n][], sameSaturating = new double[n][];
		java.util.Arrays.fill(sameExact, exact);
		java.util.Arrays.fill(sameSaturating, saturating);
		BandGapInterval clean = BandGapEnsemble.fit(indirect, e, sameExact, null, reaches, 2, Progress.NONE);
		BandGapInterval bent = BandGapEnsemble.fit(indirect, e, sameSaturating, null, reaches, 2, Progress.NONE);
		BandGapInterval common = BandGapEnsemble.fit(indirect, e, sameSaturating, null, 2, Progress.NONE);
		assertEquals(GAP, clean.median(), 0.005);
		assertTrue(clean.p84() - clean.p16() < 0.005, clean.toString());
		assertTrue(bent.p84() - bent.p16() > 0.02, "the window choice shows: " + bent);
		assertEquals(0, common.p84() - common.p16(), 1e-9, "one window for all: no spread from identical replicas");
	}

	@Test
	void cancelStopsBetweenReplicas() {
		double[] e = BandGapFitTest.energies(0.5, 5, 0.05);
		double[][][] data = replicas(e, 40);
		CancelAfter cancel = new CancelAfter(0.25);
		assertThrows(CancellationException.class, () -> BandGapEnsemble.fit(BandGapSettings.of(GapType.DIRECT), e, data[0], data[1], 1, cancel));
		assertTrue(cancel.highest < 0.5, "stopped at " + cancel.highest);
	}
}
