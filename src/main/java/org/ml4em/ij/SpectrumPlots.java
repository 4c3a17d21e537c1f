package org.ml4em.ij;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.commands.SpectrumPlot;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

/**
 * Draws a {@link SpectrumPlot} with ImageJ's {@link Plot}: each series a coloured line, its band
 * (e.g. the 16–84 % percentiles) as two thin lines of the same colour. Works headless.
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
		StringBuilder legend = new StringBuilder();
		for (int i = 0; i < spec.series().size(); i++) {
			SpectrumPlot.Series s = spec.series().get(i);
			Color c = COLOURS[i % COLOURS.length];
			if (s.low() != null) {
				Color light = new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
				plot.setColor(light);
				plot.setLineWidth(1);
				plot.addPoints(s.x(), s.low(), Plot.LINE);
				plot.addPoints(s.x(), s.high(), Plot.LINE);
				legend.append('\n').append('\n');
			}
			plot.setColor(c);
			plot.setLineWidth(2);
			plot.addPoints(s.x(), s.y(), Plot.LINE);
			legend.append(s.label()).append('\n');
		}
		plot.setColor(Color.BLACK);
		plot.setLineWidth(1);
		// One legend line per curve drawn; band edges get empty labels and are left out of it.
		plot.addLegend(legend.toString().stripTrailing(), "top-right");
		plot.setLimitsToFit(false);
		if (spec.logY())
			plot.setAxisYLog(true);
		return plot;
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
