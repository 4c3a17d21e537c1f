package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A predicted peak off 0 eV is moved onto it with its shape kept; one on it stays as it is. */
class PeakRecentringTest {

	private static final double FIRST = -3, STEP = 0.03;
	private static final int CHANNELS = 400;
	private static final double[] ENERGIES = new double[CHANNELS];

	static {
		for (int i = 0; i < CHANNELS; i++) ENERGIES[i] = FIRST + i * STEP;
	}

	/** ln of a Gaussian of 0.45 eV FWHM, 10⁵ counts at its maximum at {@code centre} eV. */
	private static float[] lnGaussian(double centre) {
		double sigma = 0.45 / 2.3548;
		float[] ln = new float[CHANNELS];
		for (int i = 0; i < CHANNELS; i++) {
			double e = ENERGIES[i] - centre;
			ln[i] = (float) (Math.log(1e5) - e * e / (2 * sigma * sigma));
		}
		return ln;
	}

	@Test
	void aShiftedPeakIsMovedOntoZeroWithItsShape() {
		float[] shifted = lnGaussian(-0.12), centred = lnGaussian(0);
		PeakRecentring.recentre(shifted, CHANNELS, ENERGIES);
		int zero = (int) Math.round(-FIRST / STEP);
		// the core of the peak, ±1 eV: the logarithm is a parabola, so linear interpolation errs by
		// at most f(1 − f)/2 · STEP² / σ² ≈ 0.003 there
		for (int i = zero - 33; i <= zero + 33; i++)
			assertEquals(centred[i], shifted[i], 0.004, "channel " + i);
	}

	@Test
	void aPeakAtZeroIsLeftAlone() {
		float[] ln = lnGaussian(0), copy = ln.clone();
		PeakRecentring.recentre(ln, CHANNELS, ENERGIES);
		assertArrayEquals(copy, ln);
	}
}
