package org.ml4em.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One multigrid V-cycle for the masked Laplacian that {@link HarmonicInpainting} solves, used as
 * the preconditioner of its conjugate gradients. Jacobi-preconditioned CG needs iterations in
 * proportion to the widest gap (349 on a 512² spiral of 1/100, whose arms lie 100 pixels apart);
 * the V-cycle removes the smooth part of the error on coarser grids, where it is cheap.
 * <p>
 * Coarse grids aggregate 2 × 2 cells. The prolongation copies a coarse value to the unknown pixels
 * of its cell, the restriction sums over them (its transpose), and each coarse operator is the
 * Galerkin product of the finer one with them, which keeps the five-point structure: a weight per
 * pair of horizontal and of vertical neighbours (the fine links between them) and a diagonal (what
 * the cell's pixels lose to measured pixels and the outside stays in it). Smoothing is red-black
 * Gauss-Seidel, red then black before the coarse correction and black then red after it, so that
 * the cycle is a symmetric positive definite operator, as CG requires.
 * <p>
 * Not thread-safe: it keeps its work arrays.
 */
final class LaplacianMultigrid {

	/** Grids with no more cells than this are solved by smoothing alone. */
	private static final int COARSEST_CELLS = 64;
	/** Symmetric sweeps on the coarsest grid: enough for a few dozen cells. */
	private static final int COARSEST_SWEEPS = 30;
	/** Red-black sweeps before and after each coarse correction. */
	private static final int SWEEPS = 1;

	/**
	 * One grid: per cell its diagonal, its links to the right and lower neighbours, and work arrays,
	 * with an empty row above and below (index {@code x + (y + 1) w}) so that no loop tests for the
	 * border: a missing neighbour's link is 0. A cell without unknown pixels has diagonal 1 and no
	 * links, so smoothing keeps it at 0 without a test.
	 */
	private static final class Level {
		final int w, h;
		final boolean[] active;
		final double[] diagonal, right, down;
		final double[] x, b;

		Level(int w, int h) {
			this.w = w;
			this.h = h;
			int n = w * (h + 2);
			active = new boolean[n];
			diagonal = new double[n];
			Arrays.fill(diagonal, 1);
			right = new double[n];
			down = new double[n];
			x = new double[n];
			b = new double[n];
		}

		/** Index of cell (x, y). */
		int at(int cx, int cy) {
			return cx + (cy + 1) * w;
		}

		/** Σ of the links of cell {@code i} times the neighbours' values. */
		double neighbours(double[] v, int i) {
			return right[i - 1] * v[i - 1] + right[i] * v[i + 1] + down[i - w] * v[i - w] + down[i] * v[i + w];
		}
	}

	private final List<Level> levels = new ArrayList<>();
	/** {@link #multiply}'s input with the empty rows around it. */
	private final double[] work;

	/**
	 * @param known the measured pixels (fixed), row by row
	 */
	LaplacianMultigrid(boolean[] known, int w, int h) {
		Level fine = new Level(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int k = x + y * w, i = fine.at(x, y);
				if (known[k]) continue;
				fine.active[i] = true;
				fine.diagonal[i] = (x > 0 ? 1 : 0) + (x < w - 1 ? 1 : 0) + (y > 0 ? 1 : 0) + (y < h - 1 ? 1 : 0);
				if (x < w - 1 && !known[k + 1]) fine.right[i] = 1;
				if (y < h - 1 && !known[k + w]) fine.down[i] = 1;
			}
		levels.add(fine);
		while (levels.get(levels.size() - 1).w * levels.get(levels.size() - 1).h > COARSEST_CELLS)
			levels.add(coarsen(levels.get(levels.size() - 1)));
		work = new double[fine.x.length];
	}

	/** {@code out} = one V-cycle applied to {@code r} (zero on known pixels, and so is {@code out}); row by row, unpadded. */
	void apply(double[] r, double[] out) {
		Level fine = levels.get(0);
		System.arraycopy(r, 0, fine.b, fine.w, r.length);
		cycle(0);
		System.arraycopy(fine.x, fine.w, out, 0, out.length);
	}

	/** {@code out} = A {@code v} on the unknown pixels (0 on known ones), for {@code v} zero on known pixels; row by row, unpadded. */
	void multiply(double[] v, double[] out) {
		Level fine = levels.get(0);
		int w = fine.w;
		System.arraycopy(v, 0, work, w, v.length);
		for (int i = w, end = w + v.length; i < end; i++)
			out[i - w] = fine.active[i] ? fine.diagonal[i] * work[i] - fine.neighbours(work, i) : 0;
	}

	private void cycle(int index) {
		Level level = levels.get(index);
		Arrays.fill(level.x, 0);
		if (index == levels.size() - 1) {
			for (int s = 0; s < COARSEST_SWEEPS; s++) {
				sweep(level, 0);
				sweep(level, 1);
				sweep(level, 0);
			}
			return;
		}
		for (int s = 0; s < SWEEPS; s++) {
			sweep(level, 0);
			sweep(level, 1);
		}
		Level coarse = levels.get(index + 1);
		Arrays.fill(coarse.b, 0);
		int w = level.w;
		for (int y = 0; y < level.h; y++) {
			int row = coarse.at(0, y / 2);
			for (int x = 0, i = level.at(0, y); x < w; x++, i++)
				coarse.b[row + x / 2] += level.b[i] - (level.diagonal[i] * level.x[i] - level.neighbours(level.x, i));
		}
		cycle(index + 1);
		for (int y = 0; y < level.h; y++) {
			int row = coarse.at(0, y / 2);
			for (int x = 0, i = level.at(0, y); x < w; x++, i++)
				if (level.active[i]) level.x[i] += coarse.x[row + x / 2];
		}
		for (int s = 0; s < SWEEPS; s++) {
			sweep(level, 1);
			sweep(level, 0);
		}
	}

	/** Gauss-Seidel on the cells of one colour ((x + y) mod 2), which do not touch each other. */
	private static void sweep(Level level, int colour) {
		int w = level.w;
		double[] x = level.x, b = level.b, d = level.diagonal;
		for (int y = 0; y < level.h; y++)
			for (int cx = (y + colour) & 1, i = level.at(cx, y); cx < w; cx += 2, i += 2)
				x[i] = (b[i] + level.neighbours(x, i)) / d[i];
	}

	/** The Galerkin coarse grid of {@code fine}: 2 × 2 cells aggregated. */
	private static Level coarsen(Level fine) {
		Level coarse = new Level((fine.w + 1) / 2, (fine.h + 1) / 2);
		for (int y = 0; y < fine.h; y++)
			for (int x = 0; x < fine.w; x++) {
				int i = fine.at(x, y);
				if (!fine.active[i]) continue;
				int c = coarse.at(x / 2, y / 2);
				if (!coarse.active[c]) {
					coarse.active[c] = true;
					coarse.diagonal[c] = 0;
				}
				coarse.diagonal[c] += fine.diagonal[i];
				// A link inside the cell adds −w twice to the cell's own entry; across cells it links them.
				if ((x & 1) == 0) coarse.diagonal[c] -= 2 * fine.right[i];
				else coarse.right[c] += fine.right[i];
				if ((y & 1) == 0) coarse.diagonal[c] -= 2 * fine.down[i];
				else coarse.down[c] += fine.down[i];
			}
		return coarse;
	}
}
