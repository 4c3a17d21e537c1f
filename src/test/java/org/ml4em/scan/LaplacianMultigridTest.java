package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ml4em.Progress;

/** The V-cycle must be a symmetric positive definite operator, or conjugate gradients lose their footing; and it must pay off. */
class LaplacianMultigridTest {

	@Test
	void theCycleIsSymmetricAndPositive() {
		int w = 97, h = 61; // odd sides: coarse cells with a missing row or column of children
		boolean[] known = ScanPaths.random(w, h, 0.05, 3).sampled();
		LaplacianMultigrid cycle = new LaplacianMultigrid(known, w, h);
		Random random = new Random(5);
		for (int trial = 0; trial < 5; trial++) {
			double[] a = residual(known, random), b = residual(known, random), va = new double[a.length], vb = new double[b.length];
			cycle.apply(a, va);
			cycle.apply(b, vb);
			double ab = dot(va, b), ba = dot(a, vb);
			assertEquals(ab, ba, 1e-9 * Math.sqrt(dot(va, va) * dot(b, b)), "⟨M a, b⟩ = ⟨a, M b⟩");
			assertTrue(dot(va, a) > 0);
			for (int i = 0; i < known.length; i++)
				if (known[i]) assertEquals(0, va[i], "a measured pixel is never corrected");
		}
	}

	@Test
	void wideGapsTakeAFewDozenIterations() {
		int n = 512;
		float[] image = new float[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				image[x + y * n] = (float) (Math.sin(x / 40.0) * Math.cos(y / 55.0));
		// Arms 100 px apart: a diagonal preconditioner took 349 iterations on the bundled image.
		HarmonicInpainting.Result r = new HarmonicInpainting(HarmonicInpainting.DEFAULT_ITERATIONS).complete(image, ScanPaths.spiral(n, n, 0.01),
			Progress.NONE);
		assertTrue(r.relativeResidual() <= HarmonicInpainting.TOLERANCE, "residual " + r.relativeResidual());
		assertTrue(r.iterations() <= 40, r.iterations() + " iterations");
	}

	private static double[] residual(boolean[] known, Random random) {
		double[] r = new double[known.length];
		for (int i = 0; i < r.length; i++)
			if (!known[i]) r[i] = random.nextGaussian();
		return r;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}
}
