package org.ml4em.commands;

import org.ml4em.BadInputException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/** A 2-D image's values as one float array, row by row, for the engines that work on arrays. */
final class PlaneValues {

	private PlaneValues() {}

	/**
	 * @param plane a 2-D image (x along dimension 0)
	 * @throws BadInputException when it holds more pixels than one array can
	 */
	static float[] of(RandomAccessibleInterval<? extends RealType<?>> plane) {
		long w = plane.dimension(0), h = plane.dimension(1);
		if (w * h > Integer.MAX_VALUE - 8) throw new BadInputException("The image of " + w + " x " + h + " pixels is too large; crop it first.");
		float[] values = new float[(int) (w * h)];
		var cursor = Views.flatIterable(plane).cursor();
		for (int i = 0; i < values.length; i++)
			values[i] = cursor.next().getRealFloat();
		return values;
	}
}
