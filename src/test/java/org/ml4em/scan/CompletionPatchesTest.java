package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The scan completer's training patches: what the network reads matches the scan, the target keeps
 * measured pixels and is noise-free elsewhere, coverages stay in the settings' range, and a
 * seed gives the same patch.
 */
class CompletionPatchesTest {

	private static final ScanTrainingSettings SETTINGS = ScanTrainingSettings.defaults();

	private static TrainingImage lattice() {
		SplittableRandom r = new SplittableRandom(5);
		float[] p = new float[300 * 280];
		for (int y = 0; y < 280; y++)
			for (int x = 0; x < 300; x++)
				p[y * 300 + x] = (float) (Math.cos(x / 4.0) * Math.cos(y / 5.0) + 0.1 * r.nextGaussian());
		return new TrainingImage(p, 300, 280, "lattice");
	}

	@Test
	void patchesAgreeWithTheirScanAndStayInTheCoverageRange() {
		int size = SETTINGS.patchSize(), area = size * size;
		List<TrainingImage> real = List.of(lattice());
		int denoised = 0;
		for (long seed = 0; seed < 24; seed++) {
			CompletionPatches.Patch p = CompletionPatches.patch(SETTINGS, real, seed, 0);
			assertEquals(2 * area, p.input().length);
			double measured = p.mask().measuredCoverage();
			assertTrue(measured >= 0.25 * SETTINGS.minCoverage() && measured <= 1.5 * SETTINGS.maxCoverage(), "coverage " + measured);
			assertTrue(p.mask().nominalCoverage() >= SETTINGS.minCoverage() && p.mask().nominalCoverage() <= SETTINGS.maxCoverage());
			double noiseRemoved = 0;
			for (int i = 0; i < area; i++) {
				boolean m = p.mask().sampled()[i];
				assertEquals(m ? 1 : 0, p.input()[2 * i + 1], "mask channel at " + i);
				assertTrue(Float.isFinite(p.input()[2 * i]) && Float.isFinite(p.target()[i]));
				if (m) {
					assertEquals(p.truth()[i], p.input()[2 * i], 0, "the guess holds measured values");
					assertEquals(p.truth()[i], p.target()[i], 0, "the target keeps measured values");
				}
				else noiseRemoved += Math.abs(p.target()[i] - p.truth()[i]);
			}
			if (noiseRemoved > 0) denoised++;
		}
		assertTrue(denoised >= 12, "the target is the noise-free image where nothing was measured, except for noise-free scenes: " + denoised + " of 24");
		assertArrayEquals(CompletionPatches.patch(SETTINGS, real, 7, 0).input(), CompletionPatches.patch(SETTINGS, real, 7, 0).input(), "same seed, same patch");
	}

	@Test
	void validationPatchesAreCentredSpiralsOfTheAskedCoverage() {
		CompletionPatches.Patch p = CompletionPatches.patch(SETTINGS, List.of(), 3, 1.0 / 16);
		assertEquals(1.0 / 16, p.mask().nominalCoverage());
		assertArrayEquals(ScanPaths.spiral(SETTINGS.patchSize(), SETTINGS.patchSize(), 1.0 / 16).sampled(), p.mask().sampled());
		assertArrayEquals(new HarmonicInpainting(HarmonicInpainting.DEFAULT_ITERATIONS).complete(p.truth(), p.mask(), org.ml4em.Progress.NONE).image(),
			CompletionInput.guess(p.input()), "the first guess is harmonic inpainting of the patch, the validation's baseline");
	}

	@Test
	void intensityRangeMapsPercentilesToZeroAndOneAndBack() {
		float[] v = new float[10_001];
		for (int i = 0; i < v.length; i++)
			v[i] = 100 + i;
		v[5] = 1e9f; // one hot pixel does not squash the contrast
		IntensityRange r = IntensityRange.of(v);
		assertEquals(110, r.low(), 1);
		assertEquals(10_090, r.high(), 1);
		float[] n = r.normalise(v);
		assertEquals(0.5, n[5000], 0.01);
		r.restore(n);
		assertEquals(5100, n[5000], 1e-2);
		IntensityRange flat = IntensityRange.of(new float[] { 3, 3, 3 });
		assertArrayEquals(new float[] { 0, 0 }, flat.normalise(new float[] { 3, 3 }), "an image of one value maps to 0, not NaN");
	}
}
