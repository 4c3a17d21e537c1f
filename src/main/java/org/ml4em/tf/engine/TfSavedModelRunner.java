package org.ml4em.tf.engine;

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
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
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

/** {@link SavedModelRunner} on a TensorFlow {@link SavedModelBundle}. */
public final class TfSavedModelRunner implements SavedModelRunner {

	/** The signature used for inference. */
	public static final String SIGNATURE_KEY = Signature.DEFAULT_KEY;

	/** The tag of the graph loaded from the SavedModel. */
	public static final String TAG = SavedModelBundle.DEFAULT_TAG;

	private final Path dir;
	private final ComputeDevice device;
	private final SavedModelBundle bundle;
	private final SessionFunction function;
	private volatile boolean closed;

	private TfSavedModelRunner(Path dir, ComputeDevice device, SavedModelBundle bundle, SessionFunction function) {
		this.dir = dir;
		this.device = device;
		this.bundle = bundle;
		this.function = function;
	}

	/** See {@link SavedModelRunner#load(Path, ComputeDevice, int)}. */
	public static TfSavedModelRunner load(Path dir, ComputeDevice device, int threads) {
		Objects.requireNonNull(dir, "dir");
		Objects.requireNonNull(device, "device");
		checkFolder(dir);
		SavedModelBundle bundle = loadBundle(dir, device, threads);
		try {
			return new TfSavedModelRunner(dir, device, bundle, servingFunction(bundle, dir));
		}
		catch (RuntimeException e) {
			bundle.close();
			throw e;
		}
	}

	/**
	 * {@return the values of the model's variables, in the order they were created}: for a network
	 * exported by ML4EM ({@link TfUNetTrainer#exportNetwork}), its weights in {@link UNetLayers#variables()}
	 * order, from which training can continue. TensorFlow names variables {@code Variable},
	 * {@code Variable_1}, … in creation order.
	 */
	List<float[]> variableValues() {
		List<String> names = new ArrayList<>();
		bundle.graph().operations().forEachRemaining(op -> {
			if (op.type().equals("VariableV2")) names.add(op.name());
		});
		names.sort(Comparator.comparingInt(TfSavedModelRunner::creationIndex));
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

	@Override
	public ComputeDevice device() {
		return device;
	}

	@Override
	public Path directory() {
		return dir;
	}

	@Override
	public List<String> inputNames() {
		return sortedKeys(function.signature().getInputs());
	}

	@Override
	public List<String> outputNames() {
		return sortedKeys(function.signature().getOutputs());
	}

	@Override
	public Optional<long[]> inputShape(String name) {
		return shapeOf(describe(function.signature().getInputs(), name, "input"));
	}

	@Override
	public Optional<long[]> outputShape(String name) {
		return shapeOf(describe(function.signature().getOutputs(), name, "output"));
	}

	@Override
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
