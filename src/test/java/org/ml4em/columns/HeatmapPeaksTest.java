package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** Heat-map maxima to columns: sub-pixel positions, classes by the class channels, threshold, separation. */
class HeatmapPeaksTest {

	private static final List<String> LABELS = List.of("atom", "vacancy", "dopant");

	/** A 4-channel map (heat, atom, vacancy, dopant) with Gaussian peaks of σ 2 px, each of one class. */
	private static float[] map(int w, int h, double[][] peaks) {
		float[] p = new float[w * h * 4];
		for (double[] peak : peaks)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double g = peak[3] * Math.exp(-((x - peak[0]) * (x - peak[0]) + (y - peak[1]) * (y - peak[1])) / 8);
					int k = (x + y * w) * 4;
					p[k] = (float) Math.max(p[k], g);
					p[k + 1 + (int) peak[2]] = (float) Math.max(p[k + 1 + (int) peak[2]], g);
				}
		return p;
	}

	@Test
	void findsSubPixelPositionsAndClasses() {
		double[][] peaks = { { 10.3, 12.6, 0, 0.95 }, { 30.5, 11.2, 1, 0.8 }, { 20.0, 30.8, 2, 0.7 }, { 40.2, 40.4, 0, 0.3 } };
		List<DetectedColumn> found = new HeatmapPeaks(0.5, 3, 3, LABELS).find(map(50, 50, peaks), 50, 50);
		assertEquals(3, found.size(), "the peak of 0.3 is under the threshold: " + found);
		for (int i = 0; i < 3; i++) {
			DetectedColumn c = found.get(i);
			assertEquals(peaks[i][0], c.x(), 0.02, "x of " + c);
			assertEquals(peaks[i][1], c.y(), 0.02, "y of " + c);
			assertEquals(LABELS.get((int) peaks[i][2]), c.label());
		}
		assertTrue(found.get(0).score() >= found.get(1).score() && found.get(1).score() >= found.get(2).score(), "by decreasing score");
	}

	@Test
	void mergesMaximaCloserThanTheSeparation() {
		// Two peaks 3 px apart make one column with a separation of 4 px, two with 2 px.
		float[] p = map(40, 40, new double[][] { { 18, 20, 0, 0.9 }, { 21, 20, 0, 0.9 } });
		assertEquals(1, new HeatmapPeaks(0.5, 4, 1, LABELS).find(p, 40, 40).size());
		assertEquals(2, new HeatmapPeaks(0.5, 2, 1, LABELS).find(p, 40, 40).size());
	}

	@Test
	void flatMapsGiveOneColumnPerPlateauAtMost() {
		float[] p = new float[20 * 20 * 4];
		for (int i = 0; i < 400; i++)
			p[i * 4] = 0.9f;
		assertEquals(1, new HeatmapPeaks(0.5, 30, 1, LABELS).find(p, 20, 20).size(), "ties: the first in row order wins");
		assertTrue(new HeatmapPeaks(0.5, 3, 1, LABELS).find(new float[20 * 20 * 4], 20, 20).isEmpty(), "an empty map has no columns");
	}

	@Test
	void scalesWithThePixelSize() {
		HeatmapPeaks fine = HeatmapPeaks.forPixelSize(0.5, 0.05, LABELS);
		// At 0.05 Å/px graphene's neighbours (1.42 Å) are 28 px apart; both must survive.
		float[] p = map(80, 40, new double[][] { { 20, 20, 0, 0.9 }, { 48.4, 20, 0, 0.9 } });
		assertEquals(2, fine.find(p, 80, 40).size());
	}

	@Test
	void refusesThresholdsOutsideZeroToOne() {
		assertThrows(BadInputException.class, () -> new HeatmapPeaks(1.5, 3, 3, LABELS));
		assertThrows(IllegalArgumentException.class, () -> new HeatmapPeaks(0.5, 3, 3, LABELS).find(new float[10], 5, 5));
	}
}
