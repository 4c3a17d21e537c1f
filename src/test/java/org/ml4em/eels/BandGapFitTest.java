package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** The band-gap fit on spectra that are exactly A·(E − Eg)^b, with and without counting noise. */
class BandGapFitTest {

	/** Off the channel grid on purpose. */
	private static final double GAP = 2.2137;
	private static final double STEP = 0.05;

	static double[] energies(double from, double to, double step) {
		int n = (int) Math.round((to - from) / step) + 1;
		double[] e = new double[n];
		for (int i = 0; i < n; i++) e[i] = from + i * step;
		return e;
	}

	/** A·(E − Eg)₊^b, scaled so that the value 1 eV above the gap is {@code atOneEv}. */
	static double[] onset(double[] e, double gap, double b, double atOneEv) {
		double[] y = new double[e.length];
		for (int i = 0; i < e.length; i++) y[i] = e[i] > gap ? atOneEv * Math.pow(e[i] - gap, b) : 0;
		return y;
	}

	/** Poisson counts around the given means, with σ = √max(counts, 1). */
	static InelasticSpectrum poisson(double[] e, double[] mean, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] y = new double[e.length], sigma = new double[e.length];
		for (int i = 0; i < e.length; i++) {
			y[i] = PoissonNoise.sample(mean[i], random);
			sigma[i] = Math.sqrt(Math.max(y[i], 1));
		}
		return new InelasticSpectrum(e, y, sigma);
	}

	private static BandGapFit fitter(GapType type) {
		return new BandGapFit(BandGapSettings.of(type));
	}

	@Test
	void recoversTheGapOfAnExactOnset() {
		double[] e = energies(0.5, 6, STEP);
		for (GapType type : new GapType[] { GapType.DIRECT, GapType.INDIRECT }) {
			InelasticSpectrum s = new InelasticSpectrum(e, onset(e, GAP, type.exponent(), 1000));
			BandGapResult given = fitter(type).fit(s, new FitWindow(1.5, 3.5));
			assertEquals(GAP, given.bandGap(), 0.001, type + ", window given");
			assertEquals(1000, given.amplitude(), 1, type + " amplitude");
			assertEquals(0, given.chiSquared(), 1e-3);
			assertTrue(given.isReliable());
			BandGapResult automatic = fitter(type).fit(s);
			assertEquals(GAP, automatic.bandGap(), 0.001, type + ", automatic window " + automatic.window());
			BandGapResult free = fitter(GapType.FIT).fit(s);
			assertEquals(GAP, free.bandGap(), 0.05, type + " with b fitted");
			assertEquals(type.exponent(), free.exponent(), 0.05, type + " exponent");
			assertTrue(free.isReliable());
		}
	}

	@Test
	void aGapBelowTheFirstDataPointIsFoundWhenAllowedAndFlaggedWhenNot() {
		// Data only from 0.3 eV above an indirect gap, as after a ZLP subtraction whose dE1 lies
		// above the gap; blurred by a 0.6 eV resolution, as measured.
		double[] e = energies(GAP + 0.3, 6, STEP);
		double[] y = new double[e.length];
		BlurredPowerLaw blurred = new BlurredPowerLaw(1.5, 0.6 / (2 * Math.sqrt(2 * Math.log(2))), 6);
		for (int i = 0; i < e.length; i++) y[i] = 1000 * blurred.value(e[i] - GAP);
		InelasticSpectrum s = new InelasticSpectrum(e, y);
		BandGapSettings indirect = BandGapSettings.of(GapType.INDIRECT).withResolution(0.6);
		BandGapResult bounded = new BandGapFit(indirect).fit(s);
		assertFalse(bounded.isReliable(), "Eg at the first data point, on the edge: " + bounded);
		BandGapResult below = new BandGapFit(indirect.withGapBelowData(0.5)).fit(s);
		assertEquals(GAP, below.bandGap(), 0.002, below.toString());
		assertTrue(below.isReliable());
		// Only as far as allowed, and only where the window starts at the data's start.
		assertFalse(new BandGapFit(indirect.withGapBelowData(0.2)).fit(s).isReliable());
		BandGapResult inner = new BandGapFit(indirect.withGapBelowData(0.5)).fit(s, new FitWindow(GAP + 0.6, 6));
		assertTrue(inner.bandGap() >= GAP + 0.6 - 1e-9, "a window inside the data bounds Eg: " + inner);
	}

	@Test
	void automaticWindowStraddlesTheGap() {
		double[] e = energies(0.5, 8, STEP);
		for (double b : new double[] { 0.5, 1.5 }) {
			FitWindow w = new BandGapFit(BandGapSettings.of(GapType.FIT)).automaticWindow(new InelasticSpectrum(e, onset(e, GAP, b, 1000)));
			// Re-centred on the fitted gap: 0.5 eV below, 1 eV above.
			assertEquals(GAP - BandGapFit.AUTOMATIC_BELOW_EV, w.low(), 0.01, "b " + b);
			assertEquals(GAP + BandGapFit.AUTOMATIC_ABOVE_EV, w.high(), 0.01, "b " + b);
		}
	}

	@Test
	void recoversTheGapThroughPoissonNoiseAtRealisticCounts() {
		// About 1000 counts per 0.05 eV channel 1 eV above the gap, as in a summed spectrum of a
		// thin area; σ = √counts. Twenty noise draws for each type.
		double[] e = energies(0.5, 6, STEP);
		for (GapType type : new GapType[] { GapType.DIRECT, GapType.INDIRECT }) {
			double[] mean = onset(e, GAP, type.exponent(), 1000);
			double worst = 0;
			for (long seed = 1; seed <= 20; seed++) {
				BandGapResult r = fitter(type).fit(poisson(e, mean, seed));
				worst = Math.max(worst, Math.abs(r.bandGap() - GAP));
				assertTrue(r.isReliable());
				// Below 1: the zero counts under the gap (σ = 1) fit exactly.
				assertTrue(r.reducedChiSquared(2) < 1.5, "χ²/dof " + r.reducedChiSquared(2));
			}
			assertTrue(worst < 0.1, type + ": worst error " + worst + " eV");
			System.out.printf("BandGapFitTest %s, Poisson noise: worst |ΔEg| %.3f eV of 20%n", type, worst);
		}
	}

	@Test
	void resolutionBlurIsModelledWhenGiven() {
		// An indirect onset measured through a 0.6 eV FWHM Gaussian resolution.
		double[] e = energies(0.5, 6, STEP);
		double sigma = 0.6 / (2 * Math.sqrt(2 * Math.log(2)));
		double[] blurred = new double[e.length];
		for (int i = 0; i < e.length; i++)
			for (double u = -5 * sigma; u <= 5 * sigma; u += sigma / 200) {
				double d = e[i] - u - GAP;
				if (d > 0) blurred[i] += Math.exp(-u * u / (2 * sigma * sigma)) * Math.pow(d, 1.5) * 1000 * (sigma / 200) / (sigma * Math.sqrt(2 * Math.PI));
			}
		InelasticSpectrum s = new InelasticSpectrum(e, blurred);
		double plain = fitter(GapType.INDIRECT).fit(s).bandGap();
		double modelled = new BandGapFit(BandGapSettings.of(GapType.INDIRECT).withResolution(0.6)).fit(s).bandGap();
		// The plain power law starts the blurred onset early.
		assertTrue(plain < GAP - 0.1, "plain fit " + plain);
		assertEquals(GAP, modelled, 0.01);
	}

	@Test
	void flagsAGapOnTheWindowEdge() {
		double[] e = energies(0.5, 6, STEP);
		InelasticSpectrum s = new InelasticSpectrum(e, onset(e, GAP, 0.5, 1000));
		// The window starts above the gap: the data cannot place it, Eg sticks to the window's start.
		BandGapResult late = fitter(GapType.DIRECT).fit(s, new FitWindow(GAP + 0.3, GAP + 1.5));
		assertTrue(late.onWindowEdge() && !late.isReliable(), "Eg " + late.bandGap());
		assertFalse(fitter(GapType.DIRECT).fit(s, new FitWindow(GAP - 0.5, GAP + 1)).onWindowEdge());
		// An onset steeper than b = 3 pins a fitted b to its upper limit.
		InelasticSpectrum steep = new InelasticSpectrum(e, onset(e, GAP, 4, 10));
		BandGapResult free = fitter(GapType.FIT).fit(steep, new FitWindow(GAP - 0.5, GAP + 1));
		assertEquals(GapType.MAX_FITTED_EXPONENT, free.exponent(), 1e-3);
		assertTrue(free.exponentAtLimit() && !free.isReliable());
	}

	@Test
	void refusesWindowsItCannotFitInOneSentence() {
		double[] e = energies(0.5, 4, STEP);
		InelasticSpectrum s = new InelasticSpectrum(e, onset(e, GAP, 0.5, 1000));
		assertOneSentence(assertThrows(BadInputException.class, () -> fitter(GapType.DIRECT).fit(s, new FitWindow(5, 7))), "outside");
		assertOneSentence(assertThrows(BadInputException.class, () -> fitter(GapType.DIRECT).fit(s, new FitWindow(2, 2.2))), "at least 6");
		InelasticSpectrum flat = new InelasticSpectrum(e, new double[e.length]);
		assertOneSentence(assertThrows(BadInputException.class, () -> fitter(GapType.DIRECT).fit(flat, new FitWindow(1, 3))), "no positive signal");
		assertOneSentence(assertThrows(BadInputException.class, () -> fitter(GapType.DIRECT).fit(flat)), "no significant rise");
		double[] noise = new double[e.length];
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < noise.length; i++) noise[i] = random.nextGaussian();
		assertOneSentence(assertThrows(BadInputException.class, () -> fitter(GapType.DIRECT).fit(new InelasticSpectrum(e, noise))), "no significant rise");
		assertOneSentence(assertThrows(BadInputException.class, () -> new FitWindow(3, 1)), "empty");
	}

	@Test
	void refusesAnOnsetAboveASignificantlyNegativeStretch() {
		// An over-subtracted zero-loss peak: the spectrum dips below zero between 1 and 2 eV, then the
		// (plasmon-like) rise at 4 eV would pass for the onset.
		double[] e = energies(0.5, 8, STEP);
		double[] y = onset(e, 4, 0.5, 1000), sigma = new double[e.length];
		java.util.Arrays.fill(sigma, 5);
		double[] dipped = y.clone(), faint = y.clone();
		for (int i = 0; i < e.length; i++)
			if (e[i] >= 1 && e[i] <= 2) {
				dipped[i] -= 20;
				faint[i] -= 2;
			}
		assertOneSentence(assertThrows(BadInputException.class, () -> fitter(GapType.DIRECT).fit(new InelasticSpectrum(e, dipped, sigma))),
			"significantly negative");
		// A dip within the noise is no evidence against the onset.
		assertEquals(4, fitter(GapType.DIRECT).fit(new InelasticSpectrum(e, faint, sigma)).bandGap(), 0.01);
	}

	@Test
	void refusesInvalidSpectraInOneSentence() {
		double[] e = { 1, 2, 3 };
		assertOneSentence(assertThrows(BadInputException.class, () -> new InelasticSpectrum(new double[] { 1, 3, 2 }, new double[3])), "increasing");
		assertOneSentence(assertThrows(BadInputException.class, () -> new InelasticSpectrum(e, new double[] { 1, Double.NaN, 2 })), "finite");
		assertOneSentence(assertThrows(BadInputException.class, () -> new InelasticSpectrum(e, new double[3], new double[] { 1, 0, 1 })), "positive");
		assertOneSentence(assertThrows(BadInputException.class, () -> new InelasticSpectrum(e, new double[2])), "values");
		assertOneSentence(assertThrows(BadInputException.class, () -> BandGapSettings.of(GapType.DIRECT).withResolution(-1)), "resolution");
	}

	static void assertOneSentence(BadInputException e, String fragment) {
		String m = e.getMessage();
		assertTrue(m.contains(fragment), m);
		// One sentence: a capital start, one full stop at the end and none between.
		assertTrue(Character.isUpperCase(m.charAt(0)) && m.endsWith(".") && !m.substring(0, m.length() - 1).matches(".*\\.(\\s|$).*"), m);
	}
}
