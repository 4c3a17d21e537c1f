package org.ml4em.cli;

import java.nio.file.Path;

import org.ml4em.io.TiffReader;

import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** The pixels of a TIFF a command wrote, row by row, for tests to compare. */
final class TiffValues {

	private TiffValues() {}

	static float[] of(Path file) throws Exception {
		var img = TiffReader.read(file).image();
		float[] v = new float[(int) (img.dimension(0) * img.dimension(1))];
		var c = Views.flatIterable(img).cursor();
		for (int i = 0; i < v.length; i++)
			v[i] = ((RealType<?>) c.next()).getRealFloat();
		return v;
	}
}
