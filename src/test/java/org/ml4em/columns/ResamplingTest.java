package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Resampling for the finder: positions kept when enlarging, noise averaged when shrinking. */
class ResamplingTest {

	private static double sd(float[] v) {
		double mean = 0, sq = 0;
		for (float x : v)
			mean += x / v.length;
		for (float x : v)
			sq += (x - mean) * (x - mean) / v.length;
		return Math.sqrt(sq);
	}

	@Test
	void shrinkingAveragesNoiseInsteadOfAliasingIt() {
		SplittableRandom r = new SplittableRandom(3);
		float[] noise = new float[256 * 256];
		for (int i = 0; i < noise.length; i++)
			noise[i] = (float) r.nextGaussian();
		float[] quarter = Resampling.resample(noise, 256, 256, 1, 64, 64);
		// Each new pixel averages a 4 x 4 box: the noise falls to about 1/4 (bilinear picking alone would keep 0.5).
		assertEquals(0.25, sd(quarter), 0.05);
	}

	@Test
	void enlargingKeepsAPeakWhereItWas() {
		float[] image = new float[40 * 40];
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 40; x++)
				image[x + 40 * y] = (float) Math.exp(-((x - 12.0) * (x - 12.0) + (y - 20.0) * (y - 20.0)) / 8);
		float[] twice = Resampling.resample(image, 40, 40, 1, 80, 80);
		int best = 0;
		for (int i = 1; i < twice.length; i++)
			if (twice[i] > twice[best]) best = i;
		double x = Resampling.toOld(best % 80, 2), y = Resampling.toOld(best / 80, 2);
		assertTrue(Math.abs(x - 12) <= 0.25 && Math.abs(y - 20) <= 0.25, x + "," + y);
		assertEquals(image.length, Resampling.boxAverage(image, 40, 40, 1, 1, 1).length);
	}
}
