package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ml4em.Progress;

/**
 * The reference the neural-network pipeline will be judged against: simulated low-loss spectra
 * of known band gap, minus their true (noiseless) zero-loss peak, fitted for Eg. The simulated onset
 * is {@code ((E − Eg)/(E − Eg + 2 eV))^b} blurred by the 0.6 eV ZLP, so the power law is only
 * approximately right; this measures what that costs.
 */
class BandGapEndToEndTest {

	/** The simulator's ZLP width, given to the fit as its resolution. */
	private static final double ZLP_FWHM = 0.6;

	private static SyntheticLowLoss simulator(double gap, double b) {
		return SyntheticLowLoss.defaults().withBandGap(gap).withOnsetExponent(b);
	}

	/** The inelastic spectrum of pixel x: measured (or expected) minus the true ZLP, on energies aligned by the true drift. */
	private static InelasticSpectrum trueSubtraction(SyntheticSpectrumImage si, int x, boolean noisy) {
		int n = si.channels();
		double[] measured = new double[n], zlp = new double[n], e = new double[n], sigma = new double[n];
		if (noisy) si.spectrum(x, 0, measured);
		else si.expectedSpectrum(x, 0, measured);
		si.expectedZeroLoss(x, 0, zlp);
		for (int c = 0; c < n; c++) {
			e[c] = si.energyAxis().energy(c) - si.shift(x, 0);
			sigma[c] = Math.sqrt(Math.max(measured[c], 1));
			measured[c] -= zlp[c];
		}
		return new InelasticSpectrum(e, measured, sigma);
	}

	@Test
	void noiselessSpectraGiveTheGapWithinATenthOfAnEv() {
		double[][] cases = { { 2.2, 0.5 }, { 1.5, 1.5 }, { 2.2, 1.5 } };
		for (double[] c : cases) {
			GapType type = c[1] == 0.5 ? GapType.DIRECT : GapType.INDIRECT;
			SyntheticSpectrumImage si = simulator(c[0], c[1]).generate(ThicknessMap.stripes(2, 1, 0.3, 1.0));
			for (int x = 0; x < 2; x++) {
				BandGapResult r = new BandGapFit(BandGapSettings.of(type).withResolution(ZLP_FWHM)).fit(trueSubtraction(si, x, false));
				System.out.printf("BandGapEndToEndTest noiseless %s Eg %.1f t/λ %.1f: ΔEg %+.3f eV, window %s%n", type, c[0],
					si.thickness().tOverLambda()[x], r.bandGap() - c[0], r.window());
				assertEquals(c[0], r.bandGap(), 0.1, type + " Eg " + c[0]);
				assertTrue(r.isReliable());
			}
		}
	}

	@Test
	void noisySpectraGiveTheGapWithinATenthOfAnEvAsAMedian() {
		// Sixteen noisy spectra of one area, each a replica. Per spectrum 10⁷ electrons for the direct
		// gap, 10⁸ for the weaker indirect onset: what summing a uniform region of 10²–10³ pixels gives.
		double[][] cases = { { 2.2, 0.5, 1e7 }, { 1.5, 1.5, 1e8 } };
		for (double[] c : cases) {
			GapType type = c[1] == 0.5 ? GapType.DIRECT : GapType.INDIRECT;
			SyntheticSpectrumImage si = simulator(c[0], c[1]).withBeamCounts(c[2]).withMaxDrift(0).generate(ThicknessMap.uniform(16, 1, 0.5));
			double[][] inelastic = new double[16][], sigma = new double[16][];
			double[] energies = null;
			for (int x = 0; x < 16; x++) {
				InelasticSpectrum s = trueSubtraction(si, x, true);
				energies = s.energies();
				inelastic[x] = s.values();
				sigma[x] = s.sigma();
			}
			BandGapInterval gap = BandGapEnsemble.fit(BandGapSettings.of(type).withResolution(ZLP_FWHM), energies, inelastic, sigma, 2, Progress.NONE);
			System.out.printf("BandGapEndToEndTest noisy %s Eg %.1f: median ΔEg %+.3f eV, 68 %% interval %.3f … %.3f eV, %d of 16 failed%n", type, c[0],
				gap.median() - c[0], gap.p16() - c[0], gap.p84() - c[0], gap.failed());
			assertEquals(c[0], gap.median(), 0.1, type + " Eg " + c[0]);
			assertTrue(gap.counted() >= 14, gap.failed() + " replicas failed");
		}
	}
}
