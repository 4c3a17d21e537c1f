package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Halving a sparse image (means of the measured pixels of each 2 × 2 block) and doubling a completion back. */
class HalfResolutionTest {

	@Test
	void halvingAveragesOnlyMeasuredPixelsAndKeepsOddEdges() {
		// 5 x 3: blocks (0-1, 0-1), (2-3, 0-1), (4, 0-1), then the half-height last row.
		float[] image = { 1, 3, 10, 0, 7, 5, 9, 0, 20, 0, 2, 4, 6, 8, 0 };
		boolean[] measured = { true, true, true, false, true, true, false, false, true, false, true, false, false, false, false };
		HalfResolution.Sparse half = HalfResolution.halve(image, new ScanMask(measured, 5, 3, 0.5));
		assertEquals(3, half.mask().width());
		assertEquals(2, half.mask().height());
		assertArrayEquals(new boolean[] { true, true, true, true, false, false }, half.mask().sampled());
		assertArrayEquals(new float[] { 3, 15, 7, 2, 0, 0 }, half.image());
	}

	@Test
	void doublingReproducesALinearRampBetweenBlockCentresAndClampsAtTheBorder() {
		int w = 16, h = 10, cw = 8, ch = 5;
		float[] coarse = new float[cw * ch];
		for (int y = 0; y < ch; y++)
			for (int x = 0; x < cw; x++)
				coarse[x + y * cw] = 2 * x + 3 * y;
		double[] full = HalfResolution.doubled(coarse, w, h);
		// Block centre of coarse pixel c lies at 2c + 0.5, so pixel x sits at coarse (x − 0.5) / 2.
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++)
				assertEquals(2 * (x - 0.5) / 2 + 3 * (y - 0.5) / 2, full[x + y * w], 1e-9, x + ", " + y);
		assertEquals(0, full[0], 1e-9);
		assertEquals(2 * 7 + 3 * 4, full[w * h - 1], 1e-9);
	}
}
