package org.ml4em.tf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ml4em.BadInputException;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Signature.TensorDescription;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

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
 * Device: the session is configured from the {@link ComputeDevice} passed to {@link #load}. For a
 * CPU device TensorFlow is shown no GPU at all ({@code device_count {"GPU": 0}}), so everything
 * runs on the CPU. For a GPU device TensorFlow's own placement applies: operations with a GPU
 * kernel run on GPU 0 and the rest fall back to the CPU (soft placement). With the CPU-only
 * native build, or without a usable GPU, everything runs on the CPU; {@link TensorFlowDevices#resolve}
 * never hands out a GPU device in that case, so {@link #device()} reports what runs.
 * <p>
 * Thread safety: {@link #run} may be called from several threads at once (TensorFlow sessions
 * are thread-safe); {@link #close()} must not overlap any call.
 *
 * <pre>
 * ComputeDevice device = TensorFlowDevices.resolve(DeviceChoice.AUTO);
 * try (SavedModelRunner model = SavedModelRunner.load(Path.of("models/unet"), device)) {
 *     float[] y = model.run(x, 1, height, width, 1);
 * }
 * </pre>
 */
public final class SavedModelRunner implements AutoCloseable {

	/** The signature used for inference. */
	public static final String SIGNATURE_KEY = Signature.DEFAULT_KEY;

	/** The tag of the graph loaded from the SavedModel. */
	public static final String TAG = SavedModelBundle.DEFAULT_TAG;

	/**
	 * The result of one {@link #runWithShape} call.
	 *
	 * @param values output values, row-major
	 * @param shape output shape, in the model's axis order
	 */
	public record Output(float[] values, long[] shape) {}

	private final Path dir;
	private final ComputeDevice device;
	private final SavedModelBundle bundle;
	private final SessionFunction function;
	private volatile boolean closed;

	private SavedModelRunner(Path dir, ComputeDevice device, SavedModelBundle bundle, SessionFunction function) {
		this.dir = dir;
		this.device = device;
		this.bundle = bundle;
		this.function = function;
	}

	/**
	 * Loads the SavedModel in {@code dir} with tag {@code serve}.
	 *
	 * @param dir the SavedModel folder (holding {@code saved_model.pb})
	 * @param device where to run, from {@link TensorFlowDevices#resolve}
	 * @throws BadInputException if the folder does not exist, is not a SavedModel, cannot be loaded
	 *             by TensorFlow, or has no {@code serving_default} signature
	 */
	public static SavedModelRunner load(Path dir, ComputeDevice device) {
		return load(dir, device, 0);
	}

	/**
	 * {@link #load(Path, ComputeDevice)} with a limit on the CPU threads one operation may use.
	 *
	 * @param threads intra-op threads; 0 for TensorFlow's default (all cores)
	 */
	public static SavedModelRunner load(Path dir, ComputeDevice device, int threads) {
		Objects.requireNonNull(dir, "dir");
		Objects.requireNonNull(device, "device");
		checkFolder(dir);
		SavedModelBundle bundle = loadBundle(dir, device, threads);
		try {
			return new SavedModelRunner(dir, device, bundle, servingFunction(bundle, dir));
		}
		catch (RuntimeException e) {
			bundle.close();
			throw e;
		}
	}

	/**
	 * {@return the values of the model's variables, in the order they were created}: for a network
	 * exported by ML4EM ({@link UNetTrainer#exportNetwork}), its weights in {@link UNetLayers#variables()}
	 * order, from which training can continue. TensorFlow names variables {@code Variable},
	 * {@code Variable_1}, … in creation order.
	 */
	List<float[]> variableValues() {
		List<String> names = new ArrayList<>();
		bundle.graph().operations().forEachRemaining(op -> {
			if (op.type().equals("VariableV2")) names.add(op.name());
		});
		names.sort(Comparator.comparingInt(SavedModelRunner::creationIndex));
		List<float[]> values = new ArrayList<>();
		for (String name : names) {
			try (Result r = bundle.session().runner().fetch(name).run()) {
				TFloat32 t = (TFloat32) r.get(0);
				float[] v = new float[Math.toIntExact(t.shape().size())];
				t.asRawTensor().data().asFloats().read(v);
				values.add(v);
			}
		}
		return values;
	}

	/** {@code Variable} is the first, {@code Variable_k} the (k + 1)-th. */
	private static int creationIndex(String name) {
		int underscore = name.lastIndexOf('_');
		return underscore < 0 ? 0 : Integer.parseInt(name.substring(underscore + 1));
	}

	/** The device this model was loaded for (see the class comment for what runs where). */
	public ComputeDevice device() {
		return device;
	}

	/** The folder the model was loaded from. */
	public Path directory() {
		return dir;
	}

	/** Input names of the {@code serving_default} signature, sorted. */
	public List<String> inputNames() {
		return sortedKeys(function.signature().getInputs());
	}

	/** Output names of the {@code serving_default} signature, sorted. */
	public List<String> outputNames() {
		return sortedKeys(function.signature().getOutputs());
	}

	/**
	 * The shape the signature declares for an input, in the model's axis order, with −1 for an axis
	 * of any size; empty when the signature leaves even the number of axes open.
	 *
	 * @throws IllegalArgumentException if there is no such input
	 */
	public Optional<long[]> inputShape(String name) {
		return shapeOf(describe(function.signature().getInputs(), name, "input"));
	}

	/**
	 * The shape the signature declares for an output; see {@link #inputShape}.
	 *
	 * @throws IllegalArgumentException if there is no such output
	 */
	public Optional<long[]> outputShape(String name) {
		return shapeOf(describe(function.signature().getOutputs(), name, "output"));
	}

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
	public float[] run(float[] input, long... shape) {
		return runWithShape(input, shape).values();
	}

	/**
	 * Like {@link #run}, also returning the output shape. A model that runs out of memory throws
	 * TensorFlow's {@code TFResourceExhaustedException}, which {@link TiledProcessor} answers with
	 * smaller tiles.
	 */
	public Output runWithShape(float[] input, long... shape) {
		if (closed) throw new IllegalStateException("The model from " + dir + " has been closed.");
		String in = single(inputNames(), "input");
		String out = single(outputNames(), "output");
		checkInput(input, shape, function.signature().getInputs().get(in), in);
		try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(input, true, false));
			Result result = function.call(Map.of(in, tensor))) {
			return toOutput(result.get(out).orElseThrow(() -> new IllegalStateException("The model returned no '" + out + "' output.")), out);
		}
		catch (TFInvalidArgumentException e) {
			throw new BadInputException("The model in " + dir + " rejected an input of shape " + Arrays.toString(shape) + ": " + e.getMessage(), e);
		}
	}

	/**
	 * This model as a {@link TileFunction}: each tile is run as a batch of one single-channel image,
	 * shape {@code (1, height, width, 1)} (bioimage.io axes {@code byxc}). The model must give one
	 * output value per input pixel.
	 */
	public TileFunction asTileFunction() {
		return (tile, width, height) -> run(tile, 1, height, width, 1);
	}

	/** Releases the session and graph. Idempotent. */
	@Override
	public void close() {
		if (closed) return;
		closed = true;
		bundle.close();
	}

	// -- Loading --

	private static void checkFolder(Path dir) {
		String expected = "; expected a TensorFlow SavedModel folder holding saved_model.pb and variables/.";
		if (!Files.exists(dir)) throw new BadInputException("The model folder " + dir + " does not exist" + expected);
		if (!Files.isDirectory(dir)) throw new BadInputException("The model path " + dir + " is a file, not a folder" + expected +
			" (unzip a bioimage.io model first).");
		if (!Files.isRegularFile(dir.resolve("saved_model.pb")) && !Files.isRegularFile(dir.resolve("saved_model.pbtxt")))
			throw new BadInputException("The folder " + dir + " holds no saved_model.pb, so it is not a TensorFlow SavedModel" + expected);
	}

	private static SavedModelBundle loadBundle(Path dir, ComputeDevice device, int threads) {
		try {
			ConfigProto config = threads > 0 ? SessionConfigs.forDevice(device, threads) : config(device);
			return SavedModelBundle.loader(dir.toString()).withTags(TAG).withConfigProto(config).load();
		}
		catch (RuntimeException e) {
			throw new BadInputException("TensorFlow could not load the SavedModel in " + dir + " with tag '" + TAG + "': " + e.getMessage(), e);
		}
	}

	/** CPU: hide the GPUs so nothing can be placed there. GPU: let ops without a GPU kernel fall back to the CPU. */
	private static ConfigProto config(ComputeDevice device) {
		ConfigProto.Builder config = ConfigProto.newBuilder().setAllowSoftPlacement(true);
		if (!device.gpu()) config.putDeviceCount("GPU", 0);
		return config.build();
	}

	private static SessionFunction servingFunction(SavedModelBundle bundle, Path dir) {
		List<String> keys = bundle.signatures().stream().map(Signature::key).sorted().collect(Collectors.toList());
		if (!keys.contains(SIGNATURE_KEY)) throw new BadInputException("The SavedModel in " + dir + " has no '" + SIGNATURE_KEY +
			"' signature (it has: " + (keys.isEmpty() ? "none" : String.join(", ", keys)) + "); export the model with that signature.");
		return bundle.function(SIGNATURE_KEY);
	}

	// -- Running --

	private String single(List<String> names, String what) {
		if (names.size() != 1) throw new IllegalStateException("The model in " + dir + " has " + names.size() + " " + what + "s (" +
			String.join(", ", names) + "); only models with exactly one " + what + " can be run this way.");
		return names.get(0);
	}

	private void checkInput(float[] input, long[] shape, TensorDescription description, String name) {
		Objects.requireNonNull(input, "input");
		if (description.dataType != DataType.DT_FLOAT) throw new IllegalStateException("The model's input '" + name + "' is " +
			description.dataType + ", not float32.");
		long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
		if (Arrays.stream(shape).anyMatch(d -> d < 0) || size != input.length) throw new BadInputException("An input of shape " +
			Arrays.toString(shape) + " needs " + size + " values, got " + input.length + ".");
		if (!fits(shape, description.shape)) throw new BadInputException("The model expects input '" + name + "' of shape " +
			Arrays.toString(description.shape.asArray()) + " (-1: any size), got " + Arrays.toString(shape) + ".");
	}

	private static boolean fits(long[] shape, Shape declared) {
		if (declared.isUnknown()) return true;
		if (declared.numDimensions() != shape.length) return false;
		for (int i = 0; i < shape.length; i++)
			if (declared.size(i) >= 0 && declared.size(i) != shape[i]) return false;
		return true;
	}

	private Output toOutput(Tensor tensor, String name) {
		if (!(tensor instanceof TFloat32 floats)) throw new IllegalStateException("The model's output '" + name + "' is " + tensor.dataType() +
			", not float32.");
		float[] values = new float[Math.toIntExact(floats.shape().size())];
		floats.asRawTensor().data().asFloats().read(values);
		return new Output(values, floats.shape().asArray());
	}

	private static List<String> sortedKeys(Map<String, TensorDescription> map) {
		return map.keySet().stream().sorted().collect(Collectors.toList());
	}

	private static TensorDescription describe(Map<String, TensorDescription> map, String name, String what) {
		TensorDescription description = map.get(name);
		if (description == null) throw new IllegalArgumentException("The model has no " + what + " named '" + name + "'; it has " + sortedKeys(map) + ".");
		return description;
	}

	private static Optional<long[]> shapeOf(TensorDescription description) {
		return description.shape.isUnknown() ? Optional.empty() : Optional.of(description.shape.asArray());
	}
}
