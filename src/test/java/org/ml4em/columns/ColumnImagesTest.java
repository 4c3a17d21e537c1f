package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** Normalisation and the 8 dihedral transforms of training patches. */
class ColumnImagesTest {

	@Test
	void normalisesToZeroMeanAndUnitVariance() {
		float[] pixels = new float[1000];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = 500 + 40 * (float) Math.sin(i * 0.37);
		float[] before = pixels.clone();
		float[] n = ColumnImages.normalised(pixels);
		double mean = 0, sq = 0;
		for (float v : n)
			mean += v / n.length;
		for (float v : n)
			sq += (v - mean) * (v - mean) / n.length;
		assertEquals(0, mean, 1e-5);
		assertEquals(1, Math.sqrt(sq), 1e-4);
		assertTrue(Arrays.equals(before, pixels), "the input is not modified");
		assertTrue(Arrays.stream(box(ColumnImages.normalised(new float[16]))).allMatch(v -> v == 0), "a flat image becomes zeros, not NaN");
	}

	private static Float[] box(float[] a) {
		Float[] b = new Float[a.length];
		for (int i = 0; i < a.length; i++)
			b[i] = a[i];
		return b;
	}

	@Test
	void refusesEmptyAndNonFiniteImages() {
		assertTrue(assertThrows(BadInputException.class, () -> ColumnImages.normalised(new float[0])).getMessage().contains("empty"));
		assertTrue(assertThrows(BadInputException.class, () -> ColumnImages.normalised(new float[] { 1, Float.NaN })).getMessage().contains("NaN"));
		assertThrows(BadInputException.class, () -> ColumnImages.normalised(new float[] { 1, Float.POSITIVE_INFINITY }));
	}

	@Test
	void eightTransformsAreDistinctAndKeepChannelsTogether() {
		int size = 5, channels = 2;
		float[] source = new float[size * size * channels];
		for (int i = 0; i < size * size; i++) {
			source[2 * i] = i + 1;
			source[2 * i + 1] = -i - 1; // the second channel must travel with the first
		}
		Set<String> seen = new HashSet<>();
		for (int t = 0; t < 8; t++) {
			float[] out = new float[source.length + 3];
			ColumnImages.copyTransformed(source, size, channels, t, out, 3);
			for (int i = 0; i < size * size; i++)
				assertEquals(-out[3 + 2 * i], out[3 + 2 * i + 1]);
			float[] sorted = Arrays.copyOfRange(out, 3, out.length);
			seen.add(Arrays.toString(sorted));
			Arrays.sort(sorted);
			float[] expected = source.clone();
			Arrays.sort(expected);
			assertTrue(Arrays.equals(expected, sorted), "transform " + t + " is a permutation");
		}
		assertEquals(8, seen.size(), "the 8 flips and turns differ on a non-symmetric image");
		float[] identity = new float[source.length];
		ColumnImages.copyTransformed(source, size, channels, 0, identity, 0);
		assertTrue(Arrays.equals(source, identity));
	}
}
