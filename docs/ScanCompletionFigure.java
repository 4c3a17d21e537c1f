import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ml4em.io.ImageData;
import org.ml4em.io.TiffReader;
import org.ml4em.scan.ImageComparison;

import net.imglib2.type.numeric.real.FloatType;

/**
 * The README's partial-scan figure: per row, the truth, the sparse scan, harmonic inpainting and
 * the network, each labelled with its PSNR and SSIM against the truth, at half size. All panels share
 * the truth's grey scale. Arguments: output PNG, truth TIFF, then per row a label, the sparse,
 * harmonic and network TIFFs.
 */
public class ScanCompletionFigure {

	static final int PANEL = 256, LABEL = 22;

	public static void main(String[] args) throws Exception {
		ImageData t = TiffReader.read(Path.of(args[1]));
		int w = t.width(), h = t.height();
		float[] truth = values(t);
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for (float v : truth) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		int rows = (args.length - 2) / 4;
		BufferedImage figure = new BufferedImage(4 * PANEL, rows * (PANEL + LABEL), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = figure.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		for (int r = 0; r < rows; r++) {
			String label = args[2 + 4 * r];
			int y0 = r * (PANEL + LABEL);
			panel(figure, truth, w, h, min, max, 0, y0 + LABEL);
			text(g, "truth (held out)", 0, y0);
			for (int c = 1; c < 4; c++) {
				float[] v = values(TiffReader.read(Path.of(args[2 + 4 * r + c])));
				panel(figure, v, w, h, min, max, c * PANEL, y0 + LABEL);
				ImageComparison s = ImageComparison.of(v, truth, w, h);
				String name = c == 1 ? "sparse scan, " + label : String.format("%s: %.1f dB, SSIM %.3f", c == 2 ? "harmonic" : "network", s.psnr(), s.ssim());
				text(g, name, c * PANEL, y0);
			}
		}
		g.dispose();
		ImageIO.write(figure, "png", new File(args[0]));
	}

	static void text(Graphics2D g, String s, int x, int y) {
		g.setColor(Color.WHITE);
		g.drawString(s, x + 4, y + LABEL - 6);
	}

	/** Half size: each output pixel is the mean of 2 × 2. */
	static void panel(BufferedImage figure, float[] v, int w, int h, float min, float max, int x0, int y0) {
		for (int y = 0; y < PANEL; y++)
			for (int x = 0; x < PANEL; x++) {
				int sx = x * w / PANEL, sy = y * h / PANEL;
				double s = (v[sy * w + sx] + v[sy * w + sx + 1] + v[(sy + 1) * w + sx] + v[(sy + 1) * w + sx + 1]) / 4;
				int grey = (int) Math.max(0, Math.min(255, 255 * (s - min) / (max - min)));
				figure.setRGB(x0 + x, y0 + y, grey << 16 | grey << 8 | grey);
			}
	}

	static float[] values(ImageData d) {
		float[] v = new float[d.width() * d.height()];
		int i = 0;
		for (FloatType x : d.image())
			v[i++] = x.get();
		return v;
	}
}
