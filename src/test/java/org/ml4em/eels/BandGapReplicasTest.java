package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pieces the band gap of a thickness class is built from: the class's mean spectrum and its
 * standard error, the replicas that carry both the data's and the ZLP's uncertainty, and the onset
 * blurred by the measured ZLP shape.
 */
class BandGapReplicasTest {

	@Test
	void meanSpectrumAndStandardErrorOfOneClass() {
		// Three pixels of class 0 with 1, 2, 6 counts in channel 0 and 4 everywhere else; one pixel of class 1.
		float[] values = { 1, 4, 2, 4, 6, 4, 100, 100 };
		ArraySpectrumImage image = new ArraySpectrumImage(4, 1, new EnergyAxis(0, 1, 2), values);
		ClassMeanSpectrum mean = ClassMeanSpectrum.of(image, new int[] { 0, 0, 0, 1 }, new float[] { 10, 20, 30, 99 }, 0);
		assertEquals(3, mean.mean()[0], 1e-12);
		assertEquals(4, mean.mean()[1], 1e-12);
		// sample variance of 1, 2, 6 is 7; the standard error of the mean √(7/3)
		assertEquals(Math.sqrt(7.0 / 3), mean.standardError()[0], 1e-12);
		assertEquals(0, mean.standardError()[1], 1e-12);
		assertEquals(20, mean.meanTotalIntensity(), 1e-12);
		assertEquals(3, mean.pixels());
	}

	@Test
	void replicasFluctuateByTheStandardErrorAndWeighByDataAndZlpSpread() {
		int n = 2, replicas = 4000;
		ClassMeanSpectrum data = new ClassMeanSpectrum(new double[] { 100, 50 }, new double[] { 2, 1 }, 1000, 10);
		float[][] lnZlp = new float[replicas][n];
		boolean[] kept = new boolean[replicas];
		for (int r = 0; r < replicas; r++) {
			kept[r] = true;
			// channel 0: ZLP 60 or 80 counts, half the replicas each (16–84 % half-range 10); channel 1: no ZLP spread
			lnZlp[r][0] = (float) Math.log(r % 2 == 0 ? 60 : 80);
			lnZlp[r][1] = (float) Math.log(10);
		}
		BandGapReplicas b = BandGapReplicas.of(data, lnZlp, kept, 7);
		assertEquals(replicas, b.values().length);
		double sum = 0, squares = 0;
		for (double[] v : b.values()) {
			sum += v[1];
			squares += v[1] * v[1];
		}
		double mean = sum / replicas, sd = Math.sqrt(squares / replicas - mean * mean);
		assertEquals(40, mean, 0.1, "mean spectrum minus ZLP");
		assertEquals(1, sd, 0.05, "fluctuation by the standard error");
		assertEquals(Math.sqrt(4 + 100 + 0.1), b.sigma()[0][0], 0.01, "σ: standard error, ZLP spread and the one-count floor in quadrature");
		assertEquals(Math.sqrt(1 + 0.1), b.sigma()[0][1], 1e-3);
	}

	@Test
	void onsetBlurredByTheMeasuredZlpShapeGivesTheGap() {
		// An indirect onset convolved with a ZLP of 0.6 eV FWHM with Lorentzian wings and a tail.
		double gap = 2.5, step = 0.02;
		ZlpShape zlp = new ZlpShape(0.6, 0.05, 0.05, 0.2);
		int nodes = (int) Math.round(6 / step) + 1;
		double[] ke = new double[nodes], kw = new double[nodes];
		for (int k = 0; k < nodes; k++) {
			ke[k] = -3 + k * step;
			kw[k] = zlp.density(ke[k]);
		}
		ResolutionKernel kernel = ResolutionKernel.of(ke, kw);
		double[] e = BandGapFitTest.energies(0.5, 5, step), y = new double[e.length];
		for (int i = 0; i < e.length; i++)
			for (int k = 0; k < nodes; k++) {
				double u = e[i] - gap - ke[k];
				if (u > 0) y[i] += 1000 * kernel.weights()[k] * Math.pow(u, 1.5);
			}
		InelasticSpectrum s = new InelasticSpectrum(e, y);
		// A fixed window: noiseless, even the wings' faint foot far below the gap would count as a rise.
		BandGapSettings indirect = BandGapSettings.of(GapType.INDIRECT).withWindow(new FitWindow(gap - 0.5, gap + 1));
		BandGapResult measured = new BandGapFit(indirect.withResolution(kernel)).fit(s);
		BandGapResult gaussian = new BandGapFit(indirect.withResolution(0.6)).fit(s);
		System.out.printf("BandGapReplicasTest indirect Eg %.2f through a ZLP with wings: measured kernel %+.3f eV, Gaussian of its FWHM %+.3f eV%n", gap,
			measured.bandGap() - gap, gaussian.bandGap() - gap);
		assertEquals(gap, measured.bandGap(), 0.01);
		assertTrue(measured.isReliable());
		assertTrue(Math.abs(gaussian.bandGap() - gap) > Math.abs(measured.bandGap() - gap), "the wings matter");
	}
}
