package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingSettings;

/**
 * The whole zero-loss subtraction on a small simulated image with six replicas: the ZLP must be
 * fitted where it is the spectrum, vanish under the plasmon, and badly fitted replicas must be
 * rejected. (The accuracy at full settings, band gap included, is for a documented command.)
 */
class ZlpAnalysisTest {

	private static ThicknessResult thickness;

	@BeforeAll
	static void simulate() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().withBandGap(2.2).generate(ThicknessMap.stripes(20, 10, 0.3, 0.8));
		thickness = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2).withThreads(2)).run(si, Progress.NONE);
	}

	static ZlpSettings quick() {
		return ZlpSettings.defaults().withReplicas(6).withThreads(2).withDevice(DeviceChoice.CPU)
			.withTraining(ReplicaTrainingSettings.defaults().withLearningRate(1e-2f).withMaxEpochs(8000).withCheckEvery(50).withPatience(40));
	}

	@Test
	void subtractsTheZeroLossPeakOfEachClass() {
		ZlpResult r = new ZlpAnalysis(quick()).run(thickness, Progress.NONE);
		assertEquals(2, r.classes().size());
		assertEquals(6, r.kept().length);
		// Without retries about one replica in four stalls (every ReLU unit off); retried, nearly all fit.
		assertTrue(r.keptCount() >= 5, "replicas kept: " + r.keptCount() + " after " + r.retried() + " retries, chi2 "
			+ java.util.Arrays.toString(r.training().bestValidationChi2()));
		assertEquals(6, r.training().replicas().size());
		assertTrue(r.training().device().description().contains("CPU"), r.training().device().description());
		double[] chi2 = r.training().bestValidationChi2();
		for (int i = 0; i < chi2.length; i++)
			if (r.kept()[i])
				assertTrue(chi2[i] < 5, "a kept replica fits badly: chi2 " + chi2[i]);
		int zero = thickness.aligned().zeroChannel();
		int oneEv = zero + (int) Math.round(1 / thickness.aligned().energyAxis().scale());
		int twentyEv = zero + (int) Math.round(20 / thickness.aligned().energyAxis().scale());
		for (ZlpClassResult c : r.classes()) {
			ZlpEnsemble b = c.bands();
			double[] spectrum = thickness.clusterSpectra().median()[c.label()];
			String what = "class " + c.label() + ": ";
			assertEquals(spectrum[zero], b.zlpMedian()[zero], 0.05 * spectrum[zero], what + "ZLP at 0 eV");
			assertTrue(b.zlpLow()[zero] <= b.zlpMedian()[zero] && b.zlpMedian()[zero] <= b.zlpHigh()[zero], what + "band around the median");
			assertTrue(Math.abs(b.inelasticMedian()[oneEv]) < 0.01 * spectrum[zero], what + "inelastic signal at 1 eV: " + b.inelasticMedian()[oneEv]);
			assertTrue(b.zlpMedian()[twentyEv] < 0.01 * spectrum[twentyEv], what + "ZLP left at the plasmon: " + b.zlpMedian()[twentyEv]);
			assertEquals(spectrum[twentyEv], b.inelasticMedian()[twentyEv], 0.01 * spectrum[twentyEv], what + "the plasmon is all inelastic");
			assertTrue(c.hasBandGap() || c.bandGapProblem() != null, what + "a band gap or the reason why not");
		}
	}

	@Test
	void refusesAFitWindowOutsideTheRecordedLosses() {
		ZlpSettings outside = quick().withBandGap(BandGapSettings.of(GapType.DIRECT).withWindow(new FitWindow(90, 120)));
		BadInputException e = assertThrows(BadInputException.class, () -> new ZlpAnalysis(outside).run(thickness, Progress.NONE));
		assertTrue(e.getMessage().startsWith("The band-gap fit window 90.00 … 120.00 eV lies outside the recorded energy losses 0 … 99.87 eV;"), e.getMessage());
	}

	@Test
	void refusesMoreClassesThanPixels() {
		SyntheticSpectrumImage tiny = SyntheticLowLoss.defaults().generate(ThicknessMap.stripes(2, 2, 0.3, 0.8));
		BadInputException e = assertThrows(BadInputException.class,
			() -> new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(6)).run(tiny, Progress.NONE));
		assertTrue(e.getMessage().contains("pixels"), e.getMessage());
	}

	@Test
	void needsThicknessClasses() {
		ThicknessResult noClasses = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(ThicknessSettings.NO_CLUSTERING))
			.run(SyntheticLowLoss.defaults().generate(ThicknessMap.uniform(4, 4, 0.5)), Progress.NONE);
		BadInputException e = assertThrows(BadInputException.class, () -> new ZlpAnalysis(quick()).run(noClasses, Progress.NONE));
		assertTrue(e.getMessage().contains("thickness classes"), e.getMessage());
	}
}
