package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.Progress;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingSettings;

/**
 * Per-pixel results with a small trained ensemble on a simulated two-stripe image: the grid
 * interpolation must match predicting at each pixel's own intensity, the map must not depend on
 * the thread count, and pixels the model does not cover must be NaN and counted.
 */
class ZlpPixelAnalysisTest {

	private static ThicknessResult thickness;
	private static ZlpResult result;
	private static ZlpModel model;
	private static TrainedZlpModel networks;

	@BeforeAll
	static void train() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().withBandGap(2.2).generate(ThicknessMap.stripes(16, 8, 0.3, 0.8));
		thickness = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2).withThreads(2)).run(si, Progress.NONE);
		ZlpSettings settings = ZlpSettings.defaults().withReplicas(4).withThreads(2).withDevice(DeviceChoice.CPU).withRetries(1)
			.withTraining(ReplicaTrainingSettings.defaults().withLearningRate(1e-2f).withMaxEpochs(8000).withCheckEvery(50).withPatience(40));
		result = new ZlpAnalysis(settings).run(thickness, Progress.NONE);
		model = ZlpModel.of(result, thickness.aligned().energyAxis(), GapType.DIRECT);
		networks = TrainedZlpModel.of(result, DeviceChoice.CPU, 2);
	}

	@AfterAll
	static void close() {
		networks.close();
	}

	@Test
	void interpolatedZlpMatchesThePredictionAtThePixelsOwnIntensity() {
		ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, thickness, Progress.NONE);
		double[] energies = ZlpAnalysis.energies(thickness.aligned().energyAxis());
		int w = thickness.aligned().width();
		for (int[] xy : new int[][] { { 0, 0 }, { 5, 3 }, { 11, 6 }, { 15, 7 } }) {
			double lnI = Math.log(thickness.maps().totalIntensity()[xy[0] + xy[1] * w]);
			float[][] direct = ZlpAnalysis.predict(networks, model.scaling(), energies, lnI, new double[0]);
			double[] spectrum = new double[energies.length];
			thickness.aligned().spectrum(xy[0], xy[1], spectrum);
			ZlpEnsemble expected = ZlpEnsemble.of(energies, spectrum, direct, model.kept());
			ZlpEnsemble got = pixels.bands(xy[0], xy[1]);
			for (int c = 0; c < energies.length; c++) {
				double scale = Math.max(1, expected.zlpMedian()[c]);
				assertEquals(expected.zlpMedian()[c], got.zlpMedian()[c], 2e-3 * scale, "ZLP median at " + energies[c] + " eV, pixel " + xy[0] + "," + xy[1]);
				assertEquals(expected.zlpHigh()[c], got.zlpHigh()[c], 2e-3 * Math.max(1, expected.zlpHigh()[c]), "ZLP 84 % at " + energies[c] + " eV");
			}
		}
	}

	@Test
	void mapDoesNotDependOnTheThreadCountAndCountsItsPixels() {
		ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, thickness, Progress.NONE);
		BandGapSettings gap = BandGapSettings.of(GapType.DIRECT).withWindow(new FitWindow(1.0, 4.0));
		ZlpPixelMaps one = pixels.bandGapMap(result.classes(), gap, 1, 42, Progress.NONE);
		ZlpPixelMaps two = pixels.bandGapMap(result.classes(), gap, 2, 42, Progress.NONE);
		assertArrayEquals(one.eg(), two.eg());
		assertArrayEquals(one.egHigh(), two.egHigh());
		assertEquals(16 * 8, one.fitted() + one.missing());
		assertTrue(one.fitted() > 16 * 8 / 2, "most pixels fitted: " + one);
		assertEquals(Math.min(ZlpPixelAnalysis.MAX_FIT_REPLICAS, model.keptCount()), one.replicasPerPixel());
		int nan = 0;
		for (int p = 0; p < one.eg().length; p++) {
			if (Float.isNaN(one.eg()[p])) {
				nan++;
				continue;
			}
			assertTrue(one.egLow()[p] <= one.eg()[p] && one.eg()[p] <= one.egHigh()[p], "interval around Eg at pixel " + p);
			assertTrue(one.eg()[p] >= 1.0 && one.eg()[p] <= 4.0, "Eg inside the window at pixel " + p + ": " + one.eg()[p]);
		}
		assertEquals(one.missing(), nan);
	}

	@Test
	void pixelsOutsideTheModelsIntensityRangeAreNaNAndCounted() {
		// A model trained only on intensities far above these pixels' covers none of them.
		ZlpInputScaling s = model.scaling();
		ZlpModel brighter = new ZlpModel(new ZlpInputScaling(s.energyMin(), s.energyMax(), s.logIntensityMin() + 5, s.logIntensityMax() + 5), model.kept(),
			model.energy(), model.classLogIntensity(), model.cutoffs(), GapType.DIRECT, "CPU");
		ZlpPixelMaps maps = ZlpPixelAnalysis.prepare(networks, brighter, thickness, Progress.NONE)
			.bandGapMap(result.classes(), BandGapSettings.of(GapType.DIRECT).withWindow(new FitWindow(1.0, 4.0)), 2, 42, Progress.NONE);
		assertEquals(16 * 8, maps.outsideModel());
		assertEquals(0, maps.fitted());
	}

	@Test
	void cancelStopsTheMap() {
		ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, thickness, Progress.NONE);
		assertThrows(CancellationException.class, () -> pixels.bandGapMap(result.classes(), BandGapSettings.of(GapType.DIRECT).withWindow(new FitWindow(1, 4)), 2,
			42, new CancelAfter(0.25)));
	}
}
