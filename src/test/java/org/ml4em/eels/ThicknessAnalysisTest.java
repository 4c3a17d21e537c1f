package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.ml4em.ChildJvm;
import org.ml4em.Progress;

class ThicknessAnalysisTest {

	private static final ThicknessMap THREE = ThicknessMap.stripes(30, 20, 0.2, 0.5, 0.9);

	@Test
	void returnsMapsClassesAndClassSpectra() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(THREE);
		ThicknessResult r = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(3)).run(si, Progress.NONE);
		assertTrue(r.hasClusters());
		assertEquals(3, r.clusters().k());
		ClusterSpectra s = r.clusterSpectra();
		assertEquals(si.channels(), s.energies().length);
		assertArrayEquals(new long[] { 200, 200, 200 }, s.pixelCounts());
		int zero = r.aligned().zeroChannel();
		assertEquals(0, s.energies()[zero], 1e-12);
		for (int j = 0; j < 3; j++) {
			// The median spectrum peaks at 0 eV, inside its 16–84 % band.
			assertEquals(zero, ZeroLossPeak.peakIndex(withoutNaN(s.median()[j]), s.energies().length), 0.5);
			assertTrue(s.p16()[j][zero] <= s.median()[j][zero] && s.median()[j][zero] <= s.p84()[j][zero]);
		}
		// Thicker classes have a weaker zero-loss peak.
		assertTrue(s.median()[0][zero] > s.median()[1][zero] && s.median()[1][zero] > s.median()[2][zero]);
	}

	private static double[] withoutNaN(double[] v) {
		double[] out = v.clone();
		for (int i = 0; i < out.length; i++) if (Double.isNaN(out[i])) out[i] = 0;
		return out;
	}

	@Test
	void mapsOnlyWhenClusteringIsOff() {
		ThicknessResult r = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(ThicknessSettings.NO_CLUSTERING))
			.run(SyntheticLowLoss.defaults().generate(THREE), Progress.NONE);
		assertNull(r.clusters());
		assertNull(r.clusterSpectra());
		assertEquals(600, r.maps().thickness().length);
	}

	@Test
	void sameResultWhateverTheThreadCount() {
		ArraySpectrumImage si = SyntheticLowLoss.defaults().generate(THREE).toArray(Progress.NONE);
		ThicknessResult one = new ThicknessAnalysis(ThicknessSettings.defaults().withThreads(1)).run(si, Progress.NONE);
		ThicknessResult two = new ThicknessAnalysis(ThicknessSettings.defaults().withThreads(2)).run(si, Progress.NONE);
		assertArrayEquals(one.maps().thickness(), two.maps().thickness());
		assertArrayEquals(one.maps().shift(), two.maps().shift());
		assertArrayEquals(one.clusters().labels(), two.clusters().labels());
		assertArrayEquals(one.clusters().criterion(), two.clusters().criterion());
		assertArrayEquals(one.clusterSpectra().median()[1], two.clusterSpectra().median()[1]);
	}

	@Test
	void reportsProgressUpToTheEnd() {
		CancelAfter watcher = new CancelAfter(2);
		new ThicknessAnalysis(ThicknessSettings.defaults()).run(SyntheticLowLoss.defaults().generate(THREE), watcher);
		assertEquals(1, watcher.highest, 1e-9);
	}

	@Test
	void canBeCanceledInEveryStep() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(THREE);
		// 0.3: reading spectra; 0.7: choosing K; 0.9: class spectra.
		for (double when : new double[] { 0.3, 0.7, 0.9 }) {
			CancelAfter cancel = new CancelAfter(when);
			assertThrows(CancellationException.class, () -> new ThicknessAnalysis(ThicknessSettings.defaults()).run(si, cancel), "at " + when);
			assertTrue(cancel.highest < 1, "stopped at " + cancel.highest);
		}
	}

	@Test
	void processesAnImageLargerThanTheHeapItRunsIn() throws IOException, InterruptedException {
		Map<String, Double> out = runInSmallHeap(LargeLazyRun.class, "96m");
		double[] regions = LargeLazyRun.REGIONS;
		for (int r = 0; r < regions.length; r++)
			assertEquals(regions[r], out.get("median" + r), 0.03 * regions[r], "region " + r);
		assertTrue(out.get("accuracy") > 0.99, "accuracy " + out.get("accuracy"));
		// One pass over every value, then only the sampled spectra again: nothing cached, nothing copied.
		long pixels = LargeLazyRun.SIZE * LargeLazyRun.SIZE, channels = 1024;
		assertEquals((pixels + out.get("sampledSpectra")) * channels, out.get("valuesRead"), 0.5);
		assertTrue(out.get("maxHeapMiB") < 256, "heap " + out.get("maxHeapMiB") + " MiB");
	}

	/** Runs a main class in a new JVM with the test class path and the given heap; parses its "key value" lines. */
	private static Map<String, Double> runInSmallHeap(Class<?> main, String heap) throws IOException, InterruptedException {
		ChildJvm.Run run = ChildJvm.run(List.of("-Xmx" + heap), main, List.of(), 300);
		assertEquals(0, run.exitCode(), run.printed());
		String output = run.printed();
		Map<String, Double> values = new HashMap<>();
		for (String line : output.split("\\R")) {
			String[] kv = line.trim().split(" ");
			if (kv.length == 2) values.put(kv[0], Double.parseDouble(kv[1]));
		}
		return values;
	}
}
