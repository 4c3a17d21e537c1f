package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

class LogRatioThicknessTest {

	private static final double[] REGIONS = { 0.2, 0.5, 0.9 };
	private static final ThicknessSettings MAPS_ONLY = ThicknessSettings.defaults().withClusters(ThicknessSettings.NO_CLUSTERING).withThreads(2);

	/** Median measured t/λ of the pixels of each region of a stripe map. */
	private static double[] regionMedians(ThicknessMaps maps, ThicknessMap truth, int regions) {
		int[] region = truth.regionLabels();
		double[] medians = new double[regions];
		for (int r = 0; r < regions; r++) {
			int rr = r;
			double[] t = java.util.stream.IntStream.range(0, region.length).filter(p -> region[p] == rr).mapToDouble(p -> maps.thickness()[p]).sorted().toArray();
			medians[r] = t[t.length / 2];
		}
		return medians;
	}

	private static void assertWithinPercent(double expected, double actual, double percent) {
		assertEquals(expected, actual, expected * percent / 100, "t/λ " + actual + " for " + expected);
	}

	@Test
	void recoversThicknessPerRegionWithTheAutomaticWindow() {
		ThicknessMap map = ThicknessMap.stripes(30, 20, REGIONS);
		ThicknessMaps maps = new ThicknessAnalysis(MAPS_ONLY).run(SyntheticLowLoss.defaults().generate(map), Progress.NONE).maps();
		double[] medians = regionMedians(maps, map, 3);
		// Measured: 0.2017, 0.5016, 0.8989 (+0.9 %, +0.3 %, −0.1 %); per-pixel spread 0.0016 … 0.0040.
		for (int r = 0; r < 3; r++) assertWithinPercent(REGIONS[r], medians[r], 3);
		assertTrue(maps.automaticWindow());
		assertEquals(0, maps.unevaluatedPixels());
		assertEquals(0, maps.windowFallbackPixels());
		// The first minimum lies between the ZLP tail and the 3 eV band-gap onset.
		assertTrue(maps.medianZlpHalfWidth() > 0.8 && maps.medianZlpHalfWidth() < 3, "ε = " + maps.medianZlpHalfWidth());
	}

	@Test
	void recoversThicknessWithAGivenWindow() {
		ThicknessMap map = ThicknessMap.stripes(30, 20, REGIONS);
		ThicknessMaps maps = new ThicknessAnalysis(MAPS_ONLY.withZlpHalfWidth(2)).run(SyntheticLowLoss.defaults().generate(map), Progress.NONE).maps();
		double[] medians = regionMedians(maps, map, 3);
		for (int r = 0; r < 3; r++) assertWithinPercent(REGIONS[r], medians[r], 3);
		assertFalse(maps.automaticWindow());
		assertEquals(2, maps.medianZlpHalfWidth());
		assertEquals(2f, maps.zlpHalfWidth()[17]);
	}

	@Test
	void followsAGradientPixelByPixelOnNoiselessData() {
		ThicknessMap map = ThicknessMap.gradient(40, 2, 0.05, 1.5);
		ThicknessMaps maps = new ThicknessAnalysis(MAPS_ONLY).run(SyntheticLowLoss.defaults().withNoise(false).generate(map), Progress.NONE).maps();
		double worst = 0;
		for (int p = 0; p < 80; p++) worst = Math.max(worst, Math.abs(maps.thickness()[p] / map.tOverLambda()[p] - 1));
		// Measured: +0.5 % at t/λ 0.05 (ZLP tail outside the window), −1.1 % at 1.5 (plural scattering beyond 100 eV).
		assertTrue(worst < 0.03, "largest relative error " + worst);
	}

	/** A spectrum with its ZLP exactly on channel 20: 1000·exp(−k²/8) + 2·|k|, k = c − 20. */
	private static double[] handBuilt() {
		double[] s = new double[60];
		for (int c = 0; c < 60; c++) s[c] = 1000 * Math.exp(-(c - 20) * (c - 20) / 8.0) + 2 * Math.abs(c - 20);
		return s;
	}

	@Test
	void automaticWindowIsTheFirstMinimumOfTheSmoothedSpectrum() {
		EnergyAxis energy = new EnergyAxis(-2, 0.1, 60);
		ArraySpectrumImage si = ArraySpectrumImage.zeros(1, 1, energy);
		double[] s = handBuilt();
		si.setSpectrum(0, 0, s);
		ThicknessMaps maps = new ThicknessAnalysis(MAPS_ONLY).run(si, Progress.NONE).maps();
		// Running means of 3 fall until k = 8 (16.85 < 18.13 at k = 9): ε = 8 channels = 0.8 eV.
		assertEquals(0.8, maps.zlpHalfWidth()[0], 1e-6);
		double zlp = 0, total = 0;
		for (int c = 0; c < 60; c++) {
			total += s[c];
			if (Math.abs(c - 20) <= 8) zlp += s[c];
		}
		assertEquals(zlp, maps.zlpIntensity()[0], zlp * 1e-6);
		assertEquals(total, maps.totalIntensity()[0], total * 1e-6);
		assertEquals(Math.log(total / zlp), maps.thickness()[0], 1e-5);
		assertEquals(0, maps.shift()[0], 1e-6);
	}

	@Test
	void pixelsWithoutMinimumGetTheMedianWindow() {
		EnergyAxis energy = new EnergyAxis(-2, 0.1, 60);
		ArraySpectrumImage si = ArraySpectrumImage.zeros(3, 1, energy);
		si.setSpectrum(0, 0, handBuilt());
		si.setSpectrum(1, 0, handBuilt());
		double[] falling = new double[60];
		for (int c = 0; c < 60; c++) falling[c] = 1000 * Math.exp(-(c - 20) * (c - 20) / 8.0) + 50 * Math.exp(-Math.abs(c - 20) / 50.0);
		si.setSpectrum(2, 0, falling);
		ThicknessMaps maps = new ThicknessAnalysis(MAPS_ONLY.withMaxZlpSearch(3)).run(si, Progress.NONE).maps();
		assertEquals(1, maps.windowFallbackPixels());
		assertEquals(0.8, maps.medianZlpHalfWidth(), 1e-6);
		assertEquals(0.8, maps.zlpHalfWidth()[2], 1e-6);
		assertTrue(Float.isFinite(maps.thickness()[2]));
	}

	@Test
	void refusesAnAutomaticWindowWhenNoSpectrumHasAMinimum() {
		EnergyAxis energy = new EnergyAxis(-2, 0.1, 60);
		ArraySpectrumImage si = ArraySpectrumImage.zeros(1, 1, energy);
		double[] falling = new double[60];
		for (int c = 0; c < 60; c++) falling[c] = 1000 * Math.exp(-(c - 20) * (c - 20) / 8.0) + 50 * Math.exp(-Math.abs(c - 20) / 50.0);
		si.setSpectrum(0, 0, falling);
		BadInputException e = assertThrows(BadInputException.class, () -> new ThicknessAnalysis(MAPS_ONLY).run(si, Progress.NONE));
		assertTrue(e.getMessage().contains("give its half-width in eV instead"), e.getMessage());
	}

	@Test
	void unevaluablePixelsAreNaNAndCounted() {
		ThicknessMap map = ThicknessMap.stripes(12, 6, REGIONS);
		ArraySpectrumImage si = SyntheticLowLoss.defaults().generate(map).toArray(Progress.NONE);
		double[] bad = new double[si.channels()];
		si.setSpectrum(0, 0, bad); // no counts
		Arrays.fill(bad, Double.NaN);
		si.setSpectrum(5, 3, bad);
		bad[0] = 1; // one NaN is enough
		si.setSpectrum(11, 5, bad);
		ThicknessResult r = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(3)).run(si, Progress.NONE);
		ThicknessMaps maps = r.maps();
		assertEquals(3, maps.unevaluatedPixels());
		for (int p : new int[] { 0, 5 + 3 * 12, 11 + 5 * 12 }) {
			assertTrue(Float.isNaN(maps.thickness()[p]) && Float.isNaN(maps.shift()[p]) && Float.isNaN(maps.zlpIntensity()[p]));
			assertEquals(-1, r.clusters().labels()[p]);
		}
		assertEquals(0f, maps.totalIntensity()[0]);
		assertEquals(3, r.clusters().unlabelledPixels());
		assertEquals(3, r.aligned().unalignedPixels());
	}

	@Test
	void refusesBadSettingsInOneMessage() {
		BadInputException e = assertThrows(BadInputException.class,
			() -> new ThicknessAnalysis(ThicknessSettings.defaults().withZlpHalfWidth(-1).withThreads(0).withMaxSpectraPerCluster(0)));
		assertTrue(e.getMessage().contains("half-width") && e.getMessage().contains("threads") && e.getMessage().contains("spectra per cluster"), e.getMessage());
	}
}
