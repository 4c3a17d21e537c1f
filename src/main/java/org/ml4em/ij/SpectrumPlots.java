package org.ml4em.ij;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;

import org.ml4em.commands.SpectrumPlot;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

/**
 * Draws a {@link SpectrumPlot} with ImageJ's {@link Plot}: each series a coloured line over its band
 * (e.g. the 16–84 % percentiles) shaded in a light tint of the same colour. Works headless.
 */
public final class SpectrumPlots {

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
		new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
		new Color(0xbcbd22), new Color(0x17becf) };

	private SpectrumPlots() {}

	/** {@return the ImageJ plot} @param spec what to draw */
	public static Plot toPlot(SpectrumPlot spec) {
		Plot plot = new Plot(spec.title(), spec.xLabel(), spec.yLabel());
		plot.setSize(720, 440);
		// Bands first, so that no band hides a median line.
		for (int i = 0; i < spec.series().size(); i++) {
			SpectrumPlot.Series s = spec.series().get(i);
			if (s.low() != null)
				shadeBand(plot, s, tint(COLOURS[i % COLOURS.length]));
		}
		StringBuilder legend = new StringBuilder();
		for (int i = 0; i < spec.series().size(); i++) {
			SpectrumPlot.Series s = spec.series().get(i);
			plot.setColor(COLOURS[i % COLOURS.length]);
			plot.setLineWidth(2);
			plot.addPoints(s.x(), s.y(), Plot.LINE);
			legend.append(s.label()).append('\n');
		}
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		plot.addLegend(legend.toString().stripTrailing(), "top-right");
		plot.setLimitsToFit(false);
		if (spec.logY())
			plot.setAxisYLog(true);
		return plot;
	}

	/**
	 * The band as one filled rectangle per point, from halfway to the previous point to halfway to
	 * the next: ImageJ's Plot has no filled polygon, and its rectangles are drawn opaque, hence the
	 * tint rather than a transparent colour. Points where an edge is undefined (NaN, or not positive
	 * on a log axis) are left open.
	 */
	private static void shadeBand(Plot plot, SpectrumPlot.Series s, Color tint) {
		double[] x = s.x();
		ArrayList<float[]> rectangles = new ArrayList<>();
		for (int i = 0; i < x.length; i++) {
			double low = s.low()[i], high = s.high()[i];
			if (!(Double.isFinite(low) && Double.isFinite(high)))
				continue;
			double left = i > 0 ? 0.5 * (x[i - 1] + x[i]) : x[i];
			double right = i + 1 < x.length ? 0.5 * (x[i] + x[i + 1]) : x[i];
			rectangles.add(new float[] { (float) left, (float) Math.max(low, high), (float) right, (float) Math.min(low, high) });
		}
		if (rectangles.isEmpty())
			return;
		plot.setColor(tint, tint);
		plot.setLineWidth(1);
		plot.drawShapes("rectangles", new ArrayList<Object>(rectangles));
	}

	/** A quarter of the colour on white. */
	private static Color tint(Color c) {
		return new Color(255 - (255 - c.getRed()) / 4, 255 - (255 - c.getGreen()) / 4, 255 - (255 - c.getBlue()) / 4);
	}

	/**
	 * Writes the plot as a PNG image.
	 *
	 * @param spec what to draw
	 * @param file the PNG file
	 * @throws IOException when writing fails
	 */
	public static void writePng(SpectrumPlot spec, Path file) throws IOException {
		ImagePlus image = toPlot(spec).getImagePlus();
		if (!new FileSaver(image).saveAsPng(file.toString()))
			throw new IOException("could not write the plot " + file);
	}
}
