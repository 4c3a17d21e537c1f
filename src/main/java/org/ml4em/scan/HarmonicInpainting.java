package org.ml4em.scan;

import java.util.Locale;

import org.ml4em.Progress;

/**
 * Harmonic (Laplace) inpainting, the classical baseline of partial-scan completion: the missing
 * pixels take the values that make the image's discrete Laplacian zero there, with the measured
 * pixels fixed and no flux across the image border. The linear system (the graph Laplacian of
 * the missing pixels, symmetric positive definite when every gap touches a measured pixel) is
 * solved by conjugate gradients preconditioned by a multigrid V-cycle ({@link LaplacianMultigrid})
 * to a residual of {@value #TOLERANCE} of the right-hand side's, started from the solution at half
 * resolution (recursively, down to {@value #COARSEST} pixels, where normalised convolution starts it).
 * <p>
 * Stateless apart from its settings, thread-safe.
 */
public final class HarmonicInpainting {

	/** Relative residual at which the solve stops. */
	public static final double TOLERANCE = 1e-6;

	/** An iteration cap far above what solves need (on the bundled 512² image, 10 at a spiral of 1/16 and 22 at 1/100). */
	public static final int DEFAULT_ITERATIONS = 5000;

	/**
	 * Relative residual of the coarser solves that only start the next finer one: their error is
	 * far below what interpolating them to the finer grid leaves anyway.
	 */
	private static final double START_TOLERANCE = 1e-3;

	/** Side below which no coarser level is made: normalised convolution starts the solve there. */
	private static final int COARSEST = 32;

	private final int maxIterations;

	/** @param maxIterations conjugate-gradient iterations at most (a few hundred suffice from a good start) */
	public HarmonicInpainting(int maxIterations) {
		this.maxIterations = maxIterations;
	}

	/** The result and how the solve went. */
	public record Result(float[] image, int iterations, double relativeResidual) {}

	/**
	 * @param image the sparse image, row by row; only sampled pixels are read; not modified
	 * @param mask which pixels were measured
	 * @param progress status and cancel, every 50 iterations
	 */
	public Result complete(float[] image, ScanMask mask, Progress progress) {
		ScanImages.check(image, mask);
		return solve(image, mask, start(image, mask, progress), TOLERANCE, progress);
	}

	/**
	 * A start close to the solution: the harmonic completion of the image at half resolution
	 * (itself started the same way), interpolated back; normalised convolution on the coarsest
	 * level. CG needs far fewer iterations from it, because the slow, smooth part of the error is
	 * already gone (cascadic multigrid).
	 */
	private double[] start(float[] image, ScanMask mask, Progress progress) {
		int w = mask.width(), h = mask.height();
		if (Math.min(w, h) < 2 * COARSEST) {
			float[] normconv = new NormalizedConvolution(NormalizedConvolution.sigmaFor(mask.measuredCoverage())).fill(image, mask, Progress.NONE);
			double[] u = new double[normconv.length];
			for (int i = 0; i < u.length; i++)
				u[i] = normconv[i];
			return u;
		}
		HalfResolution.Sparse half = HalfResolution.halve(image, mask);
		float[] coarse = solve(half.image(), half.mask(), start(half.image(), half.mask(), progress), START_TOLERANCE, progress).image();
		double[] u = HalfResolution.doubled(coarse, w, h);
		for (int i = 0; i < u.length; i++)
			if (mask.sampled()[i]) u[i] = image[i];
		return u;
	}

	/** CG from {@code u} (measured pixels holding their values), to a residual of {@code tolerance} of the right-hand side's. */
	private Result solve(float[] image, ScanMask mask, double[] u, double tolerance, Progress progress) {
		int w = mask.width(), h = mask.height(), n = w * h;
		boolean[] known = mask.sampled();
		// Solve A x = 0 on the unknowns for the correction from the start: r = −A u restricted to unknowns.
		double[] r = new double[n], z = new double[n], p = new double[n], ap = new double[n];
		LaplacianMultigrid multigrid = new LaplacianMultigrid(known, w, h);
		laplacian(u, r, known, w, h);
		double norm0 = 0;
		for (int i = 0; i < n; i++) {
			r[i] = known[i] ? 0 : -r[i];
			norm0 += r[i] * r[i];
		}
		// The right-hand side: what the measured pixels push into their unknown neighbours. The
		// tolerance is relative to it, so a better start needs fewer iterations.
		double[] measuredOnly = new double[n], b = new double[n];
		for (int i = 0; i < n; i++)
			if (known[i]) measuredOnly[i] = image[i];
		laplacian(measuredOnly, b, known, w, h);
		double bNorm = 0;
		for (int i = 0; i < n; i++)
			bNorm += b[i] * b[i];
		double reference = Math.sqrt(Math.max(bNorm, 1e-30));
		multigrid.apply(r, z);
		double rz = 0;
		for (int i = 0; i < n; i++) {
			p[i] = z[i];
			rz += r[i] * z[i];
		}
		int iteration = 0;
		double residual = Math.sqrt(norm0) / reference;
		while (residual > tolerance && iteration < maxIterations) {
			if (iteration % 50 == 0) {
				progress.checkCanceled();
				progress.status("Harmonic inpainting: iteration " + iteration + ", residual " + String.format(Locale.ROOT, "%.1e", residual));
			}
			multigrid.multiply(p, ap);
			double pap = 0;
			for (int i = 0; i < n; i++)
				if (!known[i]) pap += p[i] * ap[i];
			if (!(pap > 0)) break;
			double alpha = rz / pap, rr = 0, rzNext = 0;
			for (int i = 0; i < n; i++) {
				if (known[i]) continue;
				u[i] += alpha * p[i];
				r[i] -= alpha * ap[i];
				rr += r[i] * r[i];
			}
			multigrid.apply(r, z);
			for (int i = 0; i < n; i++)
				rzNext += r[i] * z[i];
			double beta = rzNext / rz;
			rz = rzNext;
			for (int i = 0; i < n; i++)
				if (!known[i]) p[i] = z[i] + beta * p[i];
			iteration++;
			residual = Math.sqrt(rr) / reference;
		}
		float[] out = new float[n];
		for (int i = 0; i < n; i++)
			out[i] = known[i] ? image[i] : (float) u[i];
		return new Result(out, iteration, residual);
	}

	/** (A v)_i = deg(i) v_i − Σ_neighbours v_j on the unknown pixels, where known pixels count as 0 (they moved to the right-hand side). */
	private static void laplacian(double[] v, double[] out, boolean[] known, int w, int h) {
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = x + y * w;
				if (known[i]) {
					out[i] = 0;
					continue;
				}
				double s = 0;
				int degree = 0;
				if (x > 0) { s += v[i - 1]; degree++; }
				if (x < w - 1) { s += v[i + 1]; degree++; }
				if (y > 0) { s += v[i - w]; degree++; }
				if (y < h - 1) { s += v[i + w]; degree++; }
				out[i] = degree * v[i] - s;
			}
	}
}
