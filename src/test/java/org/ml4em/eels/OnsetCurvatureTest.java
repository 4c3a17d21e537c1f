package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/**
 * The curvature term on onsets that bend inside the window as the simulator's do (no noise, no
 * ZLP): it takes the bend, where the plain power law pulls Eg off.
 */
class OnsetCurvatureTest {

	private static final double GAP = 2.8137, FWHM = 0.6, STEP = 0.05;

	/** The fitted Eg minus the truth, window from 0.5 eV below the gap to 1 eV above it. */
	private static double error(GapType type, OnsetCurvature curvature, double onsetWidth) {
		SyntheticLowLoss simulator = SyntheticLowLoss.defaults().withOnsetExponent(type.exponent()).withOnsetWidth(onsetWidth);
		double[] e = BandGapFitTest.energies(GAP - 0.5, GAP + 1, STEP), y = new double[e.length];
		double sigma = FWHM / (2 * Math.sqrt(2 * Math.log(2)));
		for (int i = 0; i < e.length; i++) {
			double sum = 0, weights = 0;
			for (int k = -200; k <= 200; k++) {
				double shift = k * 5 * sigma / 200, w = Math.exp(-shift * shift / (2 * sigma * sigma));
				sum += w * simulator.singleScattering(e[i] - shift, GAP);
				weights += w;
			}
			y[i] = sum / weights;
		}
		BandGapSettings settings = BandGapSettings.of(type).withResolution(FWHM).withCurvature(curvature).withGapBelowData(0.5);
		BandGapResult r = new BandGapFit(settings).fit(new InelasticSpectrum(e, y), new FitWindow(e[0], e[e.length - 1]));
		assertTrue(r.isReliable(), type + " " + curvature);
		return r.bandGap() - GAP;
	}

	@Test
	void theTermTakesTheBendOfASaturatingOnset() {
		double plain = error(GapType.INDIRECT, OnsetCurvature.OFF, SyntheticLowLoss.ONSET_WIDTH);
		double curved = error(GapType.INDIRECT, OnsetCurvature.AUTO, SyntheticLowLoss.ONSET_WIDTH);
		assertTrue(plain < -0.06, "plain law, indirect: " + plain);
		assertEquals(0, curved, 0.025, "with the term, indirect");
		assertEquals(0, error(GapType.DIRECT, OnsetCurvature.ON, SyntheticLowLoss.ONSET_WIDTH), 0.01, "with the term, direct");
	}

	@Test
	void andOfAPowerLawTimesDrudeAndAngularFactors() {
		for (GapType type : new GapType[] { GapType.DIRECT, GapType.INDIRECT }) {
			assertTrue(error(type, OnsetCurvature.OFF, Double.POSITIVE_INFINITY) > 0.05, type + " plain");
			assertEquals(0, error(type, OnsetCurvature.ON, Double.POSITIVE_INFINITY), 0.01, type + " with the term");
		}
	}

	@Test
	void autoMeansIndirectOnlyAndNeverWithAFittedExponent() {
		assertTrue(OnsetCurvature.AUTO.appliesTo(GapType.INDIRECT));
		assertFalse(OnsetCurvature.AUTO.appliesTo(GapType.DIRECT));
		assertTrue(OnsetCurvature.ON.appliesTo(GapType.DIRECT));
		assertFalse(OnsetCurvature.ON.appliesTo(GapType.FIT));
		assertFalse(OnsetCurvature.OFF.appliesTo(GapType.INDIRECT));
		assertTrue(BandGapSettings.of(GapType.INDIRECT).curved());
		assertFalse(BandGapSettings.of(GapType.INDIRECT).withCurvature(OnsetCurvature.OFF).curved());
	}

	@Test
	void wordsAreParsed() {
		assertEquals(OnsetCurvature.AUTO, OnsetCurvature.parse(" "));
		assertEquals(OnsetCurvature.ON, OnsetCurvature.parse("On"));
		assertEquals(OnsetCurvature.OFF, OnsetCurvature.parse("off"));
		BadInputException e = assertThrows(BadInputException.class, () -> OnsetCurvature.parse("maybe"));
		assertEquals("onset_curvature='maybe' is not known; expected auto (indirect gaps only), on or off.", e.getMessage());
	}
}
