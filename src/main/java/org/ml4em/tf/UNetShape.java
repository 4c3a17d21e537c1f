package org.ml4em.tf;

import org.ml4em.BadInputException;

/**
 * The architecture of a U-Net for dense 2-D prediction: {@code depth} resolution levels, two
 * {@code kernelSize × kernelSize} convolutions with ReLU per level, {@code baseFilters} filters at
 * full resolution doubling at every level down, 2 × 2 max pooling on the way down, nearest-neighbour
 * upsampling followed by a convolution on the way up, skip connections by concatenation, and a
 * 1 × 1 convolution to {@code outputChannels} logits (a sigmoid gives each output channel's
 * probability).
 * <p>
 * Input and output are {@code (batch, y, x, channel)} (bioimage.io axes {@code byxc}); height and
 * width must be multiples of {@link #sizeMultiple()}.
 *
 * <pre>
 * UNetShape shape = new UNetShape(1, 4, 4, 16, 3); // 16/32/64/128 filters, 535 556 weights
 * </pre>
 *
 * @param inputChannels channels of the input image, at least 1
 * @param outputChannels channels of the output, at least 1
 * @param depth resolution levels, 1 … 6 (1 is a plain stack of convolutions)
 * @param baseFilters filters at full resolution, 1 … 256
 * @param kernelSize side of the square convolution kernels, odd, 1 … 9
 */
public record UNetShape(int inputChannels, int outputChannels, int depth, int baseFilters, int kernelSize) {

	/** Checks the ranges. */
	public UNetShape {
		if (inputChannels < 1 || outputChannels < 1)
			throw new BadInputException("A U-Net needs at least one input and one output channel, got " + inputChannels + " and " + outputChannels + ".");
		if (depth < 1 || depth > 6) throw new BadInputException("U-Net depth " + depth + " is outside 1 … 6.");
		if (baseFilters < 1 || baseFilters > 256) throw new BadInputException("U-Net base filters " + baseFilters + " is outside 1 … 256.");
		if (kernelSize < 1 || kernelSize > 9 || kernelSize % 2 == 0)
			throw new BadInputException("U-Net kernel size " + kernelSize + " is not an odd number from 1 to 9.");
	}

	/** {@return the filters at level {@code level} (0 = full resolution)} */
	public int filters(int level) {
		return baseFilters << level;
	}

	/** {@return what height and width must be multiples of: 2^(depth − 1)} */
	public int sizeMultiple() {
		return 1 << (depth - 1);
	}

	/**
	 * {@return how far, in pixels, an output pixel sees into its input}: the receptive field's
	 * radius, which a tiling overlap should cover.
	 */
	public int reach() {
		int radius = kernelSize / 2, reach = 0;
		for (int level = 0; level < depth; level++)
			reach += (1 << level) * radius * (level == depth - 1 ? 2 : 4);
		return reach;
	}

	/** {@return the number of trained weights (kernels and biases)} */
	public long parameterCount() {
		long k2 = (long) kernelSize * kernelSize, count = 0;
		int previous = inputChannels;
		for (int level = 0; level < depth; level++) {
			count += k2 * previous * filters(level) + filters(level) + k2 * filters(level) * filters(level) + filters(level);
			previous = filters(level);
		}
		for (int level = depth - 2; level >= 0; level--) {
			int f = filters(level);
			count += k2 * filters(level + 1) * f + f; // upsampling convolution
			count += k2 * 2 * f * f + f + k2 * f * f + f; // after concatenation
		}
		return count + (long) filters(0) * outputChannels + outputChannels;
	}
}
