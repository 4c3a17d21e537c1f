package org.ml4em.commands;

import java.util.List;
import java.util.Objects;

/**
 * A plot of spectra, returned by commands: Fiji shows it as an ImageJ Plot window, the headless
 * launcher writes it as a PNG file beside the other outputs.
 *
 * @param title window title and file-name hint
 * @param xLabel x-axis label, with its unit
 * @param yLabel y-axis label, with its unit
 * @param series the curves, drawn in order
 * @param logY whether the y axis is logarithmic (EELS spectra span decades: the zero-loss peak
 *     and the plasmons)
 */
public record SpectrumPlot(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {

	/**
	 * Checks that nothing is missing.
	 *
	 * @param title title
	 * @param xLabel x label
	 * @param yLabel y label
	 * @param series curves
	 * @param logY logarithmic y axis
	 */
	public SpectrumPlot {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(xLabel, "xLabel");
		Objects.requireNonNull(yLabel, "yLabel");
		series = List.copyOf(series);
	}

	/**
	 * One curve, optionally with a band around it.
	 *
	 * @param label legend text
	 * @param x abscissae
	 * @param y values
	 * @param low lower edge of the band, or null for none
	 * @param high upper edge of the band, or null for none
	 */
	public record Series(String label, double[] x, double[] y, double[] low, double[] high) {

		/**
		 * Checks the lengths.
		 *
		 * @param label legend text
		 * @param x abscissae
		 * @param y values
		 * @param low lower band edge or null
		 * @param high upper band edge or null
		 */
		public Series {
			Objects.requireNonNull(label, "label");
			if (x.length != y.length || low != null && low.length != x.length || high != null && high.length != x.length)
				throw new IllegalArgumentException("series '" + label + "': x, y and band must have the same length");
			if ((low == null) != (high == null))
				throw new IllegalArgumentException("series '" + label + "': a band needs both edges");
		}
	}

	/**
	 * {@return a copy with counts ≤ 0 (noise, dark-subtracted data) made NaN} A log scale cannot
	 * draw them; NaN leaves a gap in the curve.
	 *
	 * @param values counts
	 */
	public static double[] positiveOnly(double[] values) {
		double[] p = values.clone();
		for (int i = 0; i < p.length; i++)
			if (!(p[i] > 0))
				p[i] = Double.NaN;
		return p;
	}
}
