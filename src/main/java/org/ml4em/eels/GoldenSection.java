package org.ml4em.eels;

import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional minimisation on a closed interval that tolerates several local minima and kinks:
 * a grid scan picks the best grid point, then golden-section search refines it inside the two
 * neighbouring grid cells. Golden section needs only continuity and one minimum in that bracket,
 * which the band-gap χ² profile has (it is continuous, but its slope is infinite wherever Eg
 * crosses a data point when b &lt; 1, so derivative-based steps would be unsafe).
 */
final class GoldenSection {

	private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

	private GoldenSection() {}

	/**
	 * {@return the argument of the smallest value of f on [lo, hi]}
	 *
	 * @param f function to minimise, finite on [lo, hi]
	 * @param lo lower end
	 * @param hi upper end, ≥ lo
	 * @param gridPoints points of the scan, at least 3
	 * @param tolerance width of the final bracket
	 */
	static double minimise(DoubleUnaryOperator f, double lo, double hi, int gridPoints, double tolerance) {
		if (!(hi > lo)) return lo;
		double cell = (hi - lo) / (gridPoints - 1);
		int best = 0;
		double bestValue = Double.POSITIVE_INFINITY;
		for (int g = 0; g < gridPoints; g++) {
			double v = f.applyAsDouble(lo + g * cell);
			if (v < bestValue) {
				bestValue = v;
				best = g;
			}
		}
		double a = lo + Math.max(0, best - 1) * cell, b = lo + Math.min(gridPoints - 1, best + 1) * cell;
		double x = refine(f, a, b, tolerance), grid = lo + best * cell;
		// Keep the grid point if refining found nothing better (e.g. a minimum on the bracket's end).
		return f.applyAsDouble(x) <= bestValue ? x : grid;
	}

	/** Golden-section search on [a, b], which holds one minimum. */
	private static double refine(DoubleUnaryOperator f, double a, double b, double tolerance) {
		double c = b - INVERSE_PHI * (b - a), d = a + INVERSE_PHI * (b - a);
		double fc = f.applyAsDouble(c), fd = f.applyAsDouble(d);
		while (b - a > tolerance) {
			if (fc <= fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - INVERSE_PHI * (b - a);
				fc = f.applyAsDouble(c);
			} else {
				a = c;
				c = d;
				fc = fd;
				d = a + INVERSE_PHI * (b - a);
				fd = f.applyAsDouble(d);
			}
		}
		// The ends themselves are candidates: a minimum on the window edge must be found there.
		double mid = (a + b) / 2, best = mid, bestValue = f.applyAsDouble(mid);
		for (double x : new double[] { a, b }) {
			double v = f.applyAsDouble(x);
			if (v < bestValue) {
				bestValue = v;
				best = x;
			}
		}
		return best;
	}
}
