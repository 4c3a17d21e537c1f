package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/**
 * The scan completer's training patches: what the network reads matches the scan, the target keeps
 * measured pixels and is noise-free elsewhere, coverages stay in the settings' range, the
 * lattice share chooses what is simulated, and a seed gives the same patch.
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
		assertEquals(24, denoised, "the target is the noise-free image where nothing was measured");
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
	void latticeShareChoosesBetweenSimulatedLatticesAndScenes() {
		int lattices = 0, scenes = 0;
		for (long seed = 0; seed < 6; seed++) {
			lattices += peaks(CompletionPatches.patch(withLatticeShare(1), List.of(), seed, 1.0 / 16)) > 20 ? 1 : 0;
			scenes += peaks(CompletionPatches.patch(withLatticeShare(0), List.of(), seed, 1.0 / 16)) > 20 ? 1 : 0;
		}
		assertEquals(6, lattices, "lattice_share=1: every patch a lattice, with a column at every few pixels");
		assertEquals(0, scenes, "lattice_share=0: every patch a smooth scene");
		BadInputException e = assertThrows(BadInputException.class, () -> withLatticeShare(1.5));
		assertTrue(e.getMessage().contains("lattice_share"), e.getMessage());
	}

	private static ScanTrainingSettings withLatticeShare(double share) {
		ScanTrainingSettings d = SETTINGS;
		return new ScanTrainingSettings(d.steps(), d.batch(), d.patchSize(), d.learningRate(), d.adversarialWeight(), d.depth(), d.baseFilters(), d.minCoverage(),
			d.maxCoverage(), share, d.validateEvery(), d.validationImages(), d.seed());
	}

	/** Strict local maxima of a patch's noise-free target away from the scan (where the target holds the measured, noisy values). */
	private static int peaks(CompletionPatches.Patch p) {
		int size = p.mask().width(), count = 0;
		float[] t = p.target();
		boolean[] m = p.mask().sampled();
		for (int y = 1; y < size - 1; y++)
			for (int x = 1; x < size - 1; x++) {
				boolean peak = true;
				for (int dy = -1; dy <= 1 && peak; dy++)
					for (int dx = -1; dx <= 1 && peak; dx++) {
						int j = (y + dy) * size + x + dx;
						peak = !m[j] && (j == y * size + x || t[j] < t[y * size + x]);
					}
				if (peak) count++;
			}
		return count;
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
