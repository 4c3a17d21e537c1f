package org.ml4em.scan;

import java.util.Locale;

import org.ml4em.Progress;

/**
 * Harmonic (Laplace) inpainting, the classical baseline of partial-scan completion: the missing
 * pixels take the values that make the image's discrete Laplacian zero there, with the measured
 * pixels fixed and no flux across the image border. The linear system (the graph Laplacian of
 * the missing pixels, symmetric positive definite when every gap touches a measured pixel) is
 * solved by conjugate gradients with a diagonal preconditioner, started from normalised
 * convolution, to a relative residual of {@value #TOLERANCE}.
 * <p>
 * Stateless apart from its settings, thread-safe.
 */
public final class HarmonicInpainting {

	/** Relative residual at which the solve stops. */
	public static final double TOLERANCE = 1e-6;

	/** An iteration cap far above what solves need from the normalised-convolution start (104 at 1/16 and 583 at 1/100 on 512²). */
	public static final int DEFAULT_ITERATIONS = 5000;

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
		int w = mask.width(), h = mask.height(), n = w * h;
		boolean[] known = mask.sampled();
		float[] start = new NormalizedConvolution(NormalizedConvolution.sigmaFor(mask.measuredCoverage())).fill(image, mask, Progress.NONE);
		double[] u = new double[n];
		for (int i = 0; i < n; i++)
			u[i] = start[i];
		// Solve A x = 0 on the unknowns for the correction from the start: r = −A u restricted to unknowns.
		double[] r = new double[n], z = new double[n], p = new double[n], ap = new double[n], diagonal = new double[n];
		for (int i = 0; i < n; i++)
			if (!known[i]) diagonal[i] = neighbours(i, w, h);
		laplacian(u, r, known, w, h);
		double norm0 = 0;
		for (int i = 0; i < n; i++) {
			r[i] = known[i] ? 0 : -r[i];
			norm0 += r[i] * r[i];
		}
		double bScale = 0;
		for (int i = 0; i < n; i++)
			if (known[i]) bScale += u[i] * u[i];
		double reference = Math.sqrt(Math.max(norm0, 1e-30 * Math.max(1, bScale)));
		double rz = 0;
		for (int i = 0; i < n; i++) {
			z[i] = known[i] ? 0 : r[i] / diagonal[i];
			p[i] = z[i];
			rz += r[i] * z[i];
		}
		int iteration = 0;
		double residual = Math.sqrt(norm0) / reference;
		while (residual > TOLERANCE && iteration < maxIterations) {
			if (iteration % 50 == 0) {
				progress.checkCanceled();
				progress.status("Harmonic inpainting: iteration " + iteration + ", residual " + String.format(Locale.ROOT, "%.1e", residual));
			}
			laplacian(p, ap, known, w, h);
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
				z[i] = r[i] / diagonal[i];
				rzNext += r[i] * z[i];
			}
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

	private static int neighbours(int i, int w, int h) {
		int x = i % w, y = i / w;
		return (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0) + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
	}
}
