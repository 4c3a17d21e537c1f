package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.commands.SpectrumPlot;

/** Plots are drawn headless and written as PNG with each series in its colour. */
class SpectrumPlotsTest {

	@TempDir
	Path dir;

	@Test
	void writesAPngWithTheSeriesColours() throws IOException {
		double[] x = new double[200], y = new double[200], lo = new double[200], hi = new double[200];
		for (int i = 0; i < x.length; i++) {
			x[i] = -5 + i * 0.5;
			y[i] = 1000 * Math.exp(-x[i] * x[i]) + 50;
			lo[i] = y[i] * 0.8;
			hi[i] = y[i] * 1.2;
		}
		double[] y2 = y.clone();
		for (int i = 0; i < y2.length; i++)
			y2[i] = y[i] / 2;
		SpectrumPlot spec = new SpectrumPlot("Cluster spectra", "Energy loss (eV)", "Counts",
			List.of(new SpectrumPlot.Series("cluster 1", x, y, lo, hi), new SpectrumPlot.Series("cluster 2", x, y2, null, null)), true);
		System.setProperty("java.awt.headless", "true");
		Path png = dir.resolve("plot.png");
		SpectrumPlots.writePng(spec, png);
		BufferedImage image = ImageIO.read(png.toFile());
		assertNotNull(image, "not a PNG");
		assertTrue(image.getWidth() >= 720 && image.getHeight() >= 440, image.getWidth() + " x " + image.getHeight());
		assertTrue(hasColour(image, 0x1f77b4), "first series colour missing");
		assertTrue(hasColour(image, 0xd62728), "second series colour missing");
	}

	private static boolean hasColour(BufferedImage image, int rgb) {
		for (int y = 0; y < image.getHeight(); y++)
			for (int x = 0; x < image.getWidth(); x++)
				if ((image.getRGB(x, y) & 0xffffff) == rgb)
					return true;
		return false;
	}
}
