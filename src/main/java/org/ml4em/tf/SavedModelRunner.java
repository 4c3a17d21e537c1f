package org.ml4em.tf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ml4em.BadInputException;

/**
 * A TensorFlow SavedModel loaded for inference through its {@code serving_default} signature, the
 * layout bioimage.io and DeepImageJ use: a folder holding {@code saved_model.pb} and
 * {@code variables/}, tag {@code serve}.
 * <p>
 * {@link #run} serves models with one float input and one float output. Input and output names
 * are the signature's keys (e.g. {@code "input"}), not graph node names; shapes are in the
 * model's axis order, usually {@code (batch, y, x, channel)} for images, and values are passed
 * flat in row-major order (last axis fastest).
 * <p>
 * Device: for a CPU device TensorFlow is shown no GPU at all, so everything runs on the CPU. For a
 * GPU device operations with a GPU kernel run on GPU 0 and the rest fall back to the CPU.
 * {@link TensorFlowDevices#resolve} never hands out a GPU device that cannot run, so
 * {@link #device()} reports what runs.
 * <p>
 * Thread safety: {@link #run} may be called from several threads at once; {@link #close()} must
 * not overlap any call.
 *
 * <pre>
 * ComputeDevice device = TensorFlowDevices.resolve(DeviceChoice.AUTO);
 * try (SavedModelRunner model = SavedModelRunner.load(Path.of("models/unet"), device)) {
 *     float[] y = model.run(x, 1, height, width, 1);
 * }
 * </pre>
 */
public interface SavedModelRunner extends AutoCloseable {

	/**
	 * The result of one {@link #runWithShape} call.
	 *
	 * @param values output values, row-major
	 * @param shape output shape, in the model's axis order
	 */
	record Output(float[] values, long[] shape) {}

	/**
	 * Loads the SavedModel in {@code dir} with tag {@code serve}.
	 *
	 * @param dir the SavedModel folder (holding {@code saved_model.pb})
	 * @param device where to run, from {@link TensorFlowDevices#resolve}
	 * @throws BadInputException if the folder does not exist, is not a SavedModel, cannot be loaded
	 *             by TensorFlow, or has no {@code serving_default} signature
	 */
	static SavedModelRunner load(Path dir, ComputeDevice device) {
		return load(dir, device, 0);
	}

	/**
	 * {@link #load(Path, ComputeDevice)} with a limit on the CPU threads one operation may use.
	 *
	 * @param threads intra-op threads; 0 for TensorFlow's default (all cores)
	 */
	static SavedModelRunner load(Path dir, ComputeDevice device, int threads) {
		return TensorFlow.engine().loadModel(dir, device, threads);
	}

	/** The device this model was loaded for. */
	ComputeDevice device();

	/** The folder the model was loaded from. */
	Path directory();

	/** Input names of the {@code serving_default} signature, sorted. */
	List<String> inputNames();

	/** Output names of the {@code serving_default} signature, sorted. */
	List<String> outputNames();

	/**
	 * The shape the signature declares for an input, in the model's axis order, with −1 for an axis
	 * of any size; empty when the signature leaves even the number of axes open.
	 *
	 * @throws IllegalArgumentException if there is no such input
	 */
	Optional<long[]> inputShape(String name);

	/**
	 * The shape the signature declares for an output; see {@link #inputShape}.
	 *
	 * @throws IllegalArgumentException if there is no such output
	 */
	Optional<long[]> outputShape(String name);

	/**
	 * Runs the model on one input and returns its output values.
	 *
	 * @param input values in row-major order, {@code product(shape)} of them; not modified
	 * @param shape input shape in the model's axis order, e.g. {@code 1, height, width, 1}
	 * @return the output values, row-major; the shape is in {@link #runWithShape}
	 * @throws BadInputException if the shape does not fit the values or the signature, or the model
	 *             rejects the input
	 * @throws IllegalStateException if the model has more than one input or output, or they are not float
	 */
	default float[] run(float[] input, long... shape) {
		return runWithShape(input, shape).values();
	}

	/**
	 * Like {@link #run}, also returning the output shape. A model that runs out of memory throws
	 * TensorFlow's {@code TFResourceExhaustedException}, which {@link TiledProcessor} answers with
	 * smaller tiles.
	 */
	Output runWithShape(float[] input, long... shape);

	/**
	 * This model as a {@link TileFunction}: each tile is run as a batch of one single-channel image,
	 * shape {@code (1, height, width, 1)} (bioimage.io axes {@code byxc}). The model must give one
	 * output value per input pixel.
	 */
	default TileFunction asTileFunction() {
		return (tile, width, height) -> run(tile, 1, height, width, 1);
	}

	/** Releases the session and graph. Idempotent. */
	@Override
	void close();
}
