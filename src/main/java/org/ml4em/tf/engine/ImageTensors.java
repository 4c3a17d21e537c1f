package org.ml4em.tf.engine;

import org.ml4em.BadInputException;
import org.ml4em.tf.UNetShape;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Batches of images as tensors for a U-Net. */
final class ImageTensors {

	private ImageTensors() {}

	/**
	 * {@return a {@code (batch, height, width, channels)} tensor of row-major values}, for a network of shape {@code shape}
	 *
	 * @throws BadInputException when height or width is not a multiple of {@link UNetShape#sizeMultiple()}
	 */
	static TFloat32 of(UNetShape shape, float[] values, int batch, int height, int width, int channels) {
		if (height % shape.sizeMultiple() != 0 || width % shape.sizeMultiple() != 0) throw new BadInputException("A " + width + " x " + height
			+ " image does not fit this U-Net; width and height must be multiples of " + shape.sizeMultiple() + ".");
		if (values.length != (long) batch * height * width * channels)
			throw new IllegalArgumentException(values.length + " values for " + batch + " x " + height + " x " + width + " x " + channels);
		return TFloat32.tensorOf(Shape.of(batch, height, width, channels), DataBuffers.of(values, true, false));
	}
}
