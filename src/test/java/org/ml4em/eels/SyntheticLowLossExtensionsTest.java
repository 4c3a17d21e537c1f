package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** The simulator's optional realism: onset exponent, band-gap map, ZLP tail and widening, read noise. */
class SyntheticLowLossExtensionsTest {

	private static final SyntheticLowLoss NOISELESS = SyntheticLowLoss.defaults().withNoise(false).withMaxDrift(0);

	private static double[] spectrum(SyntheticSpectrumImage si, int x, boolean zeroLossOnly) {
		double[] s = new double[si.channels()];
		if (zeroLossOnly) si.expectedZeroLoss(x, 0, s);
		else si.expectedSpectrum(x, 0, s);
		return s;
	}

	private static double[] inelastic(SyntheticSpectrumImage si, int x) {
		double[] total = spectrum(si, x, false), zlp = spectrum(si, x, true);
		for (int c = 0; c < total.length; c++) total[c] -= zlp[c];
		return total;
	}

	private static int channel(SyntheticLowLoss s, double energy) {
		return (int) Math.round((energy - s.energyOffset()) / s.energyScale());
	}

	@Test
	void defaultsGiveTheSpectraTheyGaveBeforeTheExtensions() {
		// Checksum of these spectra from the simulator as it was before the extensions (commit f2ddbfd):
		// the bundled sample depends on the defaults staying bit for bit the same.
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(ThicknessMap.gradient(4, 2, 0.1, 1.6));
		double[] s = new double[si.channels()];
		long h = 17;
		for (int y = 0; y < 2; y++)
			for (int x = 0; x < 4; x++) {
				si.spectrum(x, y, s);
				h = 31 * h + Arrays.hashCode(s);
				si.expectedSpectrum(x, y, s);
				h = 31 * h + Arrays.hashCode(s);
			}
		assertEquals(-578670371620164598L, h);
	}

	@Test
	void switchedOffExtensionsAndAUniformGapMapChangeNothing() {
		ThicknessMap map = ThicknessMap.stripes(3, 1, 0.2, 0.7, 1.3);
		SyntheticLowLoss explicit = SyntheticLowLoss.defaults().withOnsetExponent(SyntheticLowLoss.DIRECT_ONSET).withOnsetWidth(2).withZlpTail(0, 0.3)
			.withZlpWidthGrowth(0).withReadNoise(0);
		SyntheticSpectrumImage plain = SyntheticLowLoss.defaults().generate(map);
		SyntheticSpectrumImage same = explicit.generate(map, BandGapMap.uniform(3, 1, 3));
		double[] a = new double[plain.channels()], b = new double[plain.channels()];
		for (int x = 0; x < 3; x++) {
			plain.spectrum(x, 0, a);
			same.spectrum(x, 0, b);
			assertArrayEquals(a, b);
		}
	}

	@Test
	void onsetExponentShapesTheRiseAboveTheGap() {
		double gap = 2.5;
		for (double b : new double[] { 0.5, 1.5, 1.0 }) {
			SyntheticLowLoss settings = NOISELESS.withBandGap(gap).withOnsetExponent(b).withZlp(0.1, 0);
			// The onset factor alone: s_b / s_½ = ((E − Eg)/(E − Eg + 2))^(b − ½).
			double e = gap + 0.4, ratio = 0.4 / 2.4;
			assertEquals(Math.pow(ratio, b - 0.5), settings.singleScattering(e) / NOISELESS.withBandGap(gap).singleScattering(e), 1e-12);
			// In the spectrum, below twice the gap only single scattering contributes: the rise follows s(E).
			double[] inel = inelastic(settings.generate(ThicknessMap.uniform(1, 1, 0.3)), 0);
			int lo = channel(settings, gap + 0.3), hi = channel(settings, gap + 1.2);
			double eLo = settings.energyOffset() + lo * settings.energyScale(), eHi = settings.energyOffset() + hi * settings.energyScale();
			double measured = inel[lo] / inel[hi], expected = settings.singleScattering(eLo) / settings.singleScattering(eHi);
			assertEquals(expected, measured, 0.03 * expected, "b = " + b);
		}
	}

	@Test
	void onsetWidthSetsWhereThePowerLawLevelsOff() {
		SyntheticLowLoss wide = NOISELESS.withBandGap(2).withOnsetExponent(1.5).withOnsetWidth(20), standard = wide.withOnsetWidth(2);
		SyntheticLowLoss plain = wide.withOnsetWidth(Double.POSITIVE_INFINITY);
		for (double x : new double[] { 0.1, 1, 5 }) {
			// (c·u / (u + w))^b with c = (1 + w) / 3: the same value 1 eV above the gap for every w.
			double expected = Math.pow((7 * x / (x + 20)) / (x / (x + 2)), 1.5);
			assertEquals(expected, wide.singleScattering(2 + x) / standard.singleScattering(2 + x), 1e-12 * expected, "E − Eg = " + x);
			double powerLaw = Math.pow((x / 3) / (x / (x + 2)), 1.5);
			assertEquals(powerLaw, plain.singleScattering(2 + x) / standard.singleScattering(2 + x), 1e-12 * powerLaw, "plain power law, E − Eg = " + x);
		}
		assertEquals(SyntheticLowLoss.ONSET_WIDTH, SyntheticLowLoss.defaults().onsetWidth());
	}

	@Test
	void aBandGapMapGivesEachRegionItsOnset() {
		ThicknessMap t = ThicknessMap.stripes(3, 1, 0.2, 0.5, 0.8);
		BandGapMap gaps = BandGapMap.byThickness(t, 1.5, 2.5, 3.5);
		SyntheticSpectrumImage si = NOISELESS.withZlp(0.1, 0).generate(t, gaps);
		assertEquals(2.5, si.bandGap(1, 0));
		assertArrayEquals(new float[] { 1.5f, 2.5f, 3.5f }, si.bandGaps().toArray());
		for (int x = 0; x < 3; x++) {
			double[] inel = inelastic(si, x);
			double gap = gaps.gap(x, 0);
			// Nothing 0.3 eV below the gap (three ZLP widths), clearly something 0.3 eV above it.
			assertTrue(inel[channel(si.settings(), gap - 0.3)] < 1e-6 * inel[channel(si.settings(), gap + 0.3)], "Eg " + gap);
			// At 10⁵ electrons per pixel and 0.1 eV channels the onset holds about one count per channel.
			assertTrue(inel[channel(si.settings(), gap + 0.3)] > 0.3, "Eg " + gap);
		}
		assertThrows(IllegalArgumentException.class, () -> NOISELESS.generate(t, BandGapMap.uniform(2, 1, 1)));
	}

	@Test
	void zeroLossPeakWidensWithThickness() {
		double growth = 0.4;
		ThicknessMap t = ThicknessMap.stripes(3, 1, 0.1, 0.8, 1.6);
		SyntheticSpectrumImage si = NOISELESS.withZlpWidthGrowth(growth).generate(t), fixed = NOISELESS.generate(t);
		double scale = si.energyAxis().scale();
		for (int x = 0; x < 3; x++) {
			double thickness = t.tOverLambda()[x], fwhm = 0.6 * (1 + growth * thickness);
			double[] zlp = spectrum(si, x, true), total = spectrum(si, x, false);
			double peak = ZeroLossPeak.peakIndex(zlp, zlp.length);
			assertEquals(fwhm, ZeroLossPeak.halfMaximumWidth(zlp, zlp.length, peak) * scale, 0.01, "t/λ " + thickness);
			// The measured spectrum shows the widening too (the inelastic part is small at the peak).
			assertEquals(fwhm, ZeroLossPeak.halfMaximumWidth(total, total.length, peak) * scale, 0.03, "t/λ " + thickness);
			// A wider blur keeps the electrons: the same total as with a fixed ZLP, but for a little more blurred past 100 eV.
			double sum = Arrays.stream(total).sum(), fixedSum = Arrays.stream(spectrum(fixed, x, false)).sum();
			assertEquals(fixedSum, sum, 1e-3 * fixedSum, "t/λ " + thickness);
		}
	}

	@Test
	void zeroLossTailLeansTowardsPositiveLoss() {
		SyntheticSpectrumImage si = NOISELESS.withZlp(0.6, 0).withZlpTail(0.1, 0.5).generate(ThicknessMap.uniform(1, 1, 0.5));
		double[] zlp = spectrum(si, 0, true);
		SyntheticLowLoss s = si.settings();
		double below = zlp[channel(s, -1.5)], above = zlp[channel(s, 1.5)];
		// The Gaussian alone at ±1.5 eV is e^{−1.5²/(2·0.255²)} ≈ 3·10⁻⁸ of its peak; the tail adds 0.1·e^{−3}/0.5 per eV above.
		assertTrue(above > 1000 * below, "above " + above + ", below " + below);
		double area = Arrays.stream(zlp).sum(), unscattered = 1e5 * Math.exp(-0.25 * 0.5) * Math.exp(-0.5);
		assertEquals(unscattered, area, 1e-3 * unscattered);
	}

	@Test
	void tailShapeHasUnitAreaAndTheRightErrorFunction() {
		assertEquals(0.4795001221869535, ZlpShape.scaledErfc(0.5) * Math.exp(-0.25), 1e-7);
		assertEquals(0.004677734981047266, ZlpShape.scaledErfc(2) * Math.exp(-4), 1e-9);
		ZlpShape shape = new ZlpShape(0.5, 0, 1, 0.3);
		double area = 0, step = 0.001;
		for (double e = -5; e < 15; e += step) area += shape.density(e) * step;
		assertEquals(1, area, 1e-5);
		assertTrue(Double.isFinite(shape.density(-40)) && Double.isFinite(shape.density(60)));
	}

	@Test
	void readNoiseHasTheRequestedSpread() {
		double sigma = 4;
		SyntheticSpectrumImage readOnly = NOISELESS.withReadNoise(sigma).generate(ThicknessMap.uniform(4, 1, 0.5));
		SyntheticSpectrumImage both = NOISELESS.withNoise(true).withReadNoise(sigma).generate(ThicknessMap.uniform(4, 1, 0.5));
		double[] s = new double[readOnly.channels()], mean = new double[s.length];
		double sumSq = 0, sum = 0, scaled = 0;
		int n = 0;
		for (int x = 0; x < 4; x++) {
			readOnly.spectrum(x, 0, s);
			readOnly.expectedSpectrum(x, 0, mean);
			for (int c = 0; c < s.length; c++, n++) {
				sum += s[c] - mean[c];
				sumSq += (s[c] - mean[c]) * (s[c] - mean[c]);
			}
			both.spectrum(x, 0, s);
			// Poisson plus read noise: variance = mean + σ² channel by channel.
			for (int c = 0; c < s.length; c++) scaled += (s[c] - mean[c]) * (s[c] - mean[c]) / (mean[c] + sigma * sigma);
		}
		// 4096 draws: the standard deviation is known to ±2.2 % (two standard errors).
		assertEquals(0, sum / n, 3 * sigma / Math.sqrt(n));
		assertEquals(sigma, Math.sqrt(sumSq / n), 0.03 * sigma);
		assertEquals(1, scaled / n, 0.07);
	}

	@Test
	void refusesImpossibleExtensionsInOneMessage() {
		BadInputException e = assertThrows(BadInputException.class, () -> SyntheticLowLoss.defaults().withOnsetExponent(0).withOnsetWidth(0)
			.withZlpTail(0.1, -1).withZlpWidthGrowth(-1).withReadNoise(Double.NaN).generate(ThicknessMap.uniform(1, 1, 0.1)));
		String m = e.getMessage();
		assertTrue(m.contains("onset exponent") && m.contains("onset width") && m.contains("tail length") && m.contains("width growth")
			&& m.contains("read noise"), m);
	}
}
