package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ml4em.eels.BandGapInterval;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.FitWindow;
import org.ml4em.eels.GapType;
import org.ml4em.eels.OnsetCurvature;
import org.ml4em.eels.ZlpClassResult;

/** The summary names the onset model each band gap was fitted with. */
class ZlpSummaryTest {

	private static String line(BandGapSettings gap) {
		BandGapInterval interval = new BandGapInterval(2.5, 2.4, 2.62, new double[] { 2.4, 2.5, 2.62 }, 3, 0, 0, new FitWindow(2, 3.5));
		StringBuilder sb = new StringBuilder();
		ZlpSummary.bandGap(sb, new ZlpClassResult(0, 10, null, interval, null), gap);
		return sb.toString();
	}

	@Test
	void saysWhenTheCurvatureTermWasUsed() {
		assertEquals("Eg 2.50 eV (68 %: 2.40 to 2.62, indirect with the curvature term, 3 replicas fitted). ", line(BandGapSettings.of(GapType.INDIRECT)));
		assertEquals("Eg 2.50 eV (68 %: 2.40 to 2.62, direct, 3 replicas fitted). ", line(BandGapSettings.of(GapType.DIRECT)));
		assertEquals("Eg 2.50 eV (68 %: 2.40 to 2.62, direct with the curvature term, 3 replicas fitted). ",
			line(BandGapSettings.of(GapType.DIRECT).withCurvature(OnsetCurvature.ON)));
	}
}
