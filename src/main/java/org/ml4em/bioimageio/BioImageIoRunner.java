package org.ml4em.bioimageio;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.NpyReader;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TileFunction;
import org.ml4em.tf.TileGrid;
import org.ml4em.tf.TiledProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Runs a {@link BioImageIoModel} as its description says: preprocessing, the network, then
 * postprocessing, in the model's axis order.
 * <p>
 * {@link #check()} runs the description's own test input and reports how far the result is from
 * its test output. {@link #apply} runs the model on a 2-D image of any size, tile by tile with the
 * output's halo as overlap (32 px when the description gives none). Statistics of "per sample"
 * steps are taken over the whole image before tiling, so that tiles are not normalised each on
 * its own.
 */
public final class BioImageIoRunner {

	/** Edge of the blank input that finds out the number of output channels: small, so that it costs little. */
	private static final int PROBE_SIZE = 64;

	/** Overlap of tiles when the model declares no halo. */
	public static final int DEFAULT_HALO = 32;

	/**
	 * The test tensors run again.
	 *
	 * @param maxDifference largest |computed − expected| over the test output
	 * @param outputRange max − min of the expected output, to judge the difference by
	 * @param outputShape the computed output's shape, in the model's axis order
	 */
	public record Check(double maxDifference, double outputRange, long[] outputShape) {}

	private final BioImageIoModel model;
	private final SavedModelRunner network;

	/**
	 * @param model the description
	 * @param network its SavedModel, loaded by the caller (who closes it)
	 */
	public BioImageIoRunner(BioImageIoModel model, SavedModelRunner network) {
		this.model = Objects.requireNonNull(model, "model");
		this.network = Objects.requireNonNull(network, "network");
		if (model.inputCount() != 1)
			throw new BadInputException("The model " + model.name() + " takes " + model.inputCount() + " inputs; ML4EM runs models with one input image.");
	}

	/** Runs the test input and compares with the test output; both must be in the description. */
	public Check check() throws IOException {
		TensorDescription in = model.input(), out = model.output();
		if (in.testTensor() == null || out.testTensor() == null) throw new BadInputException("The model " + model.name() + " has no test tensors to check.");
		NpyReader.Array input = NpyReader.read(in.testTensor()), expected = NpyReader.read(out.testTensor());
		float[] values = input.values().clone();
		for (ProcessingStep step : in.processing())
			step.apply(values, input.shape(), in.axes());
		SavedModelRunner.Output computed = network.runWithShape(values, input.shape());
		for (ProcessingStep step : out.processing())
			step.apply(computed.values(), computed.shape(), out.axes());
		if (!Arrays.equals(computed.shape(), expected.shape())) throw new BadInputException("The model gives an output of shape " +
			Arrays.toString(computed.shape()) + " for its test input, but its test output has shape " + Arrays.toString(expected.shape()) + ".");
		double max = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < expected.values().length; i++) {
			max = Math.max(max, Math.abs(computed.values()[i] - expected.values()[i]));
			lo = Math.min(lo, expected.values()[i]);
			hi = Math.max(hi, expected.values()[i]);
		}
		return new Check(max, hi - lo, computed.shape());
	}

	/**
	 * Runs the model on an image.
	 *
	 * @param image 2-D {@code (x, y)}, or 3-D {@code (x, y, channel)} for a model of several input channels
	 * @param tileSize the largest tile edge to use (pixels); the tiles are the largest size at most
	 *            this that the model takes
	 * @return the output, {@code (x, y)} for one output channel, else {@code (x, y, channel)}
	 */
	public Img<FloatType> apply(RandomAccessibleInterval<? extends RealType<?>> image, int tileSize, Progress progress) {
		if (image.numDimensions() != 2 && image.numDimensions() != 3)
			throw new BadInputException("Run bioimage.io Model takes a 2-D image (or x, y, channel), got " + image.numDimensions() + "-D.");
		int w = (int) image.dimension(0), h = (int) image.dimension(1), channels = image.numDimensions() == 3 ? (int) image.dimension(2) : 1;
		// flat (x, y, channel) order, x fastest: the layout of an ArrayImg of these dimensions
		float[] values = new float[Math.multiplyExact(Math.multiplyExact(w, h), channels)];
		int next = 0;
		for (RealType<?> v : Views.flatIterable(image))
			values[next++] = v.getRealFloat();
		Img<FloatType> prepared = ArrayImgs.floats(values, w, h, channels);
		for (float v : values)
			if (!Float.isFinite(v)) throw new BadInputException("The image holds NaN or infinite pixels; the model needs finite values.");
		long[] wholeShape = { channels, h, w };
		for (ProcessingStep step : model.input().processing())
			step.apply(values, wholeShape, "cyx");

		int halo = model.output().halo() > 0 ? model.output().halo() : DEFAULT_HALO;
		int tile = tileSizeFor(Math.max(TileGrid.minimumTileSize(halo), Math.min(tileSize, Math.max(w, h) + 2 * halo)));
		int outChannels = outputChannels(channels, tile);
		float[] out = new float[Math.multiplyExact(Math.multiplyExact(w, h), outChannels)];
		Img<FloatType> output = outChannels == 1 ? ArrayImgs.floats(out, w, h) : ArrayImgs.floats(out, w, h, outChannels);
		new TiledProcessor().process(channels == 1 ? Views.hyperSlice(prepared, 2, 0) : prepared, output, tileFunction(channels), tile, halo, progress);

		for (ProcessingStep step : model.output().processing())
			step.apply(out, new long[] { outChannels, h, w }, "cyx");
		return output;
	}

	/** The tile edge to use: the largest size the model takes that is at most {@code wanted}, else the smallest it takes above. */
	int tileSizeFor(int wanted) {
		TensorDescription in = model.input();
		for (int s = wanted; s >= 1; s--)
			if (in.takes(s)) return s;
		for (int s = wanted + 1; s <= 4 * wanted + 1024; s++)
			if (in.takes(s)) return s;
		throw new BadInputException("No square tile size near " + wanted + " px fits the model's input sizes (min " + Arrays.toString(in.minimumSize()) +
			", step " + Arrays.toString(in.sizeStep()) + ").");
	}

	/** How many channels the model gives: asked of the model on a small blank input (the description may not say). */
	private int outputChannels(int inputChannels, int tile) {
		int c = model.output().axes().indexOf('c');
		if (c < 0) return 1;
		int small = tileSizeFor(Math.min(tile, PROBE_SIZE));
		return (int) run(new float[small * small * inputChannels], modelShape(model.input().axes(), small, small, inputChannels)).shape()[c];
	}

	/** Tiles come as (y, x, channel), channels fastest; the model gets them in its own axis order, batch 1. */
	private TileFunction tileFunction(int channels) {
		String inAxes = model.input().axes(), outAxes = model.output().axes();
		return (tile, width, height) -> {
			long[] shape = modelShape(inAxes, height, width, channels);
			SavedModelRunner.Output r = run(Layouts.reorder(tile, "yxc", new long[] { height, width, channels }, inAxes, shape), shape);
			long[] outShape = r.shape();
			if (outShape[outAxes.indexOf('y')] != height || outShape[outAxes.indexOf('x')] != width)
				throw new BadInputException("The model gives a " + outShape[outAxes.indexOf('x')] + " x " + outShape[outAxes.indexOf('y')] + " output for a " + width +
					" x " + height + " tile; ML4EM runs models whose output is the input's size.");
			int outChannels = outAxes.indexOf('c') < 0 ? 1 : (int) outShape[outAxes.indexOf('c')];
			return Layouts.reorder(r.values(), outAxes, outShape, "yxc", new long[] { height, width, outChannels });
		};
	}

	private static long[] modelShape(String axes, int height, int width, int channels) {
		long[] shape = new long[axes.length()];
		for (int d = 0; d < axes.length(); d++)
			shape[d] = switch (axes.charAt(d)) {
				case 'y' -> height;
				case 'x' -> width;
				case 'c' -> channels;
				default -> 1;
			};
		return shape;
	}

	private SavedModelRunner.Output run(float[] values, long[] shape) {
		return network.runWithShape(values, shape);
	}
}
