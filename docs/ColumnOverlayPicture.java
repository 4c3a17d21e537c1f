import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.ml4em.columns.DetectedColumn;
import org.ml4em.ij.ColumnOverlays;
import org.ml4em.io.TiffReader;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * The README's overlay picture: an image with a column table (Find Atomic Columns' CSV) drawn as
 * Fiji draws it, flattened to PNG at twice the size. Arguments: image TIFF, columns CSV, output PNG, crop side.
 */
public class ColumnOverlayPicture {

	public static void main(String[] args) throws Exception {
		var image = TiffReader.read(Path.of(args[0]));
		int w = (int) image.width(), h = (int) image.height(), crop = Integer.parseInt(args[3]);
		float[] pixels = new float[w * h];
		var cursor = net.imglib2.view.Views.flatIterable(image.image()).cursor();
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = cursor.next().getRealFloat();
		List<DetectedColumn> columns = new ArrayList<>();
		List<String> lines = Files.readAllLines(Path.of(args[1]));
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			double x = Double.parseDouble(f[0]), y = Double.parseDouble(f[1]);
			// Drawn at twice the size: pixel centre x + 0.5 becomes 2x + 1, i.e. column 2x + 0.5.
			if (x < crop && y < crop) columns.add(new DetectedColumn(2 * x + 0.5, 2 * y + 0.5, f[4], Double.parseDouble(f[5])));
		}
		FloatProcessor fp = new FloatProcessor(w, h, pixels);
		fp.setRoi(0, 0, crop, crop);
		fp.setInterpolationMethod(ImageProcessor.BILINEAR);
		ImagePlus imp = new ImagePlus("columns", fp.crop().resize(2 * crop, 2 * crop));
		imp.getProcessor().resetMinAndMax();
		ColumnOverlays.show(imp, columns);
		ImagePlus flat = imp.flatten();
		ImageIO.write(flat.getBufferedImage(), "png", new File(args[2]));
	}
}
