package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

class SyntheticLowLossTest {

	private static final SyntheticLowLoss NOISELESS = SyntheticLowLoss.defaults().withNoise(false).withMaxDrift(0);

	private static double[] expected(SyntheticLowLoss settings, double t) {
		SyntheticSpectrumImage si = settings.generate(ThicknessMap.uniform(1, 1, t));
		double[] s = new double[si.channels()];
		si.expectedSpectrum(0, 0, s);
		return s;
	}

	private static double sum(double[] s, int from, int to) {
		double total = 0;
		for (int c = from; c < to; c++) total += s[c];
		return total;
	}

	@Test
	void countsFollowThePoissonLawOfScattering() {
		for (double t : new double[] { 0.1, 0.5, 1.0 }) {
			double[] s = expected(NOISELESS, t);
			double beam = 1e5 * Math.exp(-0.25 * t);
			// Almost all collected electrons fall inside −5 … 100 eV: measured 0.05 % beyond at t/λ 0.1, 0.5 % at 1.
			assertEquals(beam, sum(s, 0, s.length), 0.01 * beam, "t/λ " + t);
			// Unscattered electrons e^{−t}: the counts below the 3 eV band gap.
			int gap = (int) Math.round((3 + 5) / NOISELESS.energyScale());
			assertEquals(beam * Math.exp(-t), sum(s, 0, gap), 0.003 * beam, "t/λ " + t);
		}
	}

	@Test
	void plasmonPeaksNearItsEnergy() {
		double[] s = expected(NOISELESS.withPlasmon(16, 3), 0.3);
		int from = (int) Math.round((10 + 5) / NOISELESS.energyScale()), peak = from;
		for (int c = from; c < s.length; c++) if (s[c] > s[peak]) peak = c;
		// The angular factor favours small losses: the maximum sits a little below Ep.
		double energy = -5 + peak * NOISELESS.energyScale();
		assertTrue(energy > 14.5 && energy < 16.5, "plasmon maximum at " + energy + " eV");
	}

	@Test
	void nothingBelowTheBandGapButTheZeroLossPeak() {
		double[] s = expected(NOISELESS.withZlp(0.6, 0), 0.5);
		int at2eV = (int) Math.round((2 + 5) / NOISELESS.energyScale());
		// Only the onset blurred by the ZLP (4 σ away) reaches there.
		assertTrue(s[at2eV] < 1e-3, "counts at 2 eV: " + s[at2eV]);
	}

	@Test
	void zeroLossPeakSitsAtTheDrawnShift() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().withNoise(false).generate(ThicknessMap.uniform(10, 1, 0.4));
		double[] s = new double[si.channels()];
		for (int x = 0; x < 10; x++) {
			si.expectedSpectrum(x, 0, s);
			double shift = si.shift(x, 0);
			assertTrue(Math.abs(shift) <= 0.3);
			assertEquals(shift, si.energyAxis().energy(ZeroLossPeak.peakIndex(s, s.length)), 0.05 * si.energyAxis().scale());
		}
	}

	@Test
	void everyReadOfAPixelGivesTheSameNoisySpectrum() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(ThicknessMap.uniform(3, 3, 0.4));
		double[] a = new double[si.channels()], b = new double[si.channels()], other = new double[si.channels()];
		si.spectrum(1, 2, a);
		si.spectrum(2, 2, other);
		si.spectrum(1, 2, b);
		assertArrayEquals(a, b);
		assertTrue(!java.util.Arrays.equals(a, other));
		for (double v : a) assertEquals(Math.rint(v), v, "counts are whole numbers");
	}

	@Test
	void poissonNoiseHasTheRightMeanAndVariance() {
		SplittableRandom random = new SplittableRandom(9);
		for (double mean : new double[] { 0.5, 3.5, 9.9, 10, 40, 2500 }) {
			int n = 200_000;
			double sum = 0, sumSq = 0;
			for (int i = 0; i < n; i++) {
				long k = PoissonNoise.sample(mean, random);
				sum += k;
				sumSq += (double) k * k;
			}
			double m = sum / n, variance = sumSq / n - m * m;
			assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean for " + mean);
			assertEquals(mean, variance, 5 * mean * Math.sqrt(2.0 / n) + 5 * Math.sqrt(mean / n), "variance for " + mean);
		}
		assertEquals(0, PoissonNoise.sample(0, random));
	}

	@Test
	void logFactorialIsAccurate() {
		double exact = 0;
		for (int k = 1; k <= 200; k++) {
			exact += Math.log(k);
			assertEquals(exact, PoissonNoise.logFactorial(k), 1e-10 * Math.max(1, exact), "ln " + k + "!");
		}
	}

	@Test
	void mapBuilders() {
		ThicknessMap stripes = ThicknessMap.stripes(6, 2, 0.9, 0.2, 0.5);
		assertArrayEquals(new int[] { 2, 2, 0, 0, 1, 1, 2, 2, 0, 0, 1, 1 }, stripes.regionLabels());
		ThicknessMap ramp = ThicknessMap.gradient(5, 1, 0.1, 0.5);
		assertEquals(0.3f, ramp.tOverLambda()[2], 1e-6f);
		ThicknessMap discs = ThicknessMap.discs(20, 10, 0.1, 0.7);
		assertEquals(0.7f, discs.tOverLambda()[10 + 5 * 20]);
		assertEquals(0.1f, discs.tOverLambda()[0]);
		assertThrows(IllegalArgumentException.class, () -> ThicknessMap.uniform(2, 2, -0.1));
	}

	@Test
	void refusesImpossibleSettingsInOneMessage() {
		BadInputException e = assertThrows(BadInputException.class,
			() -> SyntheticLowLoss.defaults().withZlp(-1, 2).withBeamCounts(0).generate(ThicknessMap.uniform(1, 1, 0.1)));
		assertTrue(e.getMessage().contains("ZLP width") && e.getMessage().contains("Lorentzian") && e.getMessage().contains("beam counts"), e.getMessage());
	}
}
