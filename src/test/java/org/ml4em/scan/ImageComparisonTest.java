package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** PSNR, SSIM and relative RMS against hand-computed values. */
class ImageComparisonTest {

	private static float[] reference() {
		float[] v = new float[64 * 48];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (3 + Math.sin(i % 64 / 5.0) + Math.cos(i / 64 / 7.0)); // positive, as intensities are
		return v;
	}

	@Test
	void identicalImagesAreInfinitelyCloseWithSsimOne() {
		float[] r = reference();
		ImageComparison c = ImageComparison.of(r.clone(), r, 64, 48);
		assertEquals(Double.POSITIVE_INFINITY, c.psnr());
		assertEquals(1, c.ssim(), 1e-9);
		assertEquals(0, c.relativeRms());
	}

	@Test
	void aConstantOffsetGivesTheExpectedPsnrAndRms() {
		float[] r = reference(), shifted = r.clone();
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (float v : r) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		for (int i = 0; i < shifted.length; i++)
			shifted[i] += 0.1f;
		ImageComparison c = ImageComparison.of(shifted, r, 64, 48);
		assertEquals(10 * Math.log10((max - min) * (max - min) / 0.01), c.psnr(), 1e-3);
		assertEquals(0.1 / (max - min), c.relativeRms(), 1e-5);
		assertTrue(c.ssim() > 0.95 && c.ssim() < 1, "an offset barely changes structure: " + c.ssim());
	}

	@Test
	void noiseLowersSsimMoreThanAnOffset() {
		float[] r = reference(), noisy = r.clone();
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < noisy.length; i++)
			noisy[i] += (float) (0.3 * random.nextGaussian());
		ImageComparison c = ImageComparison.of(noisy, r, 64, 48);
		assertTrue(c.ssim() < 0.8, "SSIM " + c.ssim());
	}

	@Test
	void refusesImagesThatCannotBeCompared() {
		assertThrows(BadInputException.class, () -> ImageComparison.of(new float[10], new float[12], 3, 4));
		assertTrue(assertThrows(BadInputException.class, () -> ImageComparison.of(new float[12], new float[12], 3, 4)).getMessage().contains("flat"));
		float[] nan = reference();
		nan[3] = Float.NaN;
		assertTrue(assertThrows(BadInputException.class, () -> ImageComparison.of(nan, reference(), 64, 48)).getMessage().contains("NaN"));
	}
}
