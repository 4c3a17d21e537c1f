package org.ml4em.tf.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;

/**
 * Writes a graph and the current values of its variables as a TensorFlow SavedModel that
 * {@link TfSavedModelRunner}, bioimage.io and DeepImageJ can load: {@code saved_model.pb} and
 * {@code variables/} in the target folder, tag {@code serve}, one signature
 * {@code serving_default} with method {@code tensorflow/serving/predict}.
 * <p>
 * Inputs are usually {@code Placeholder}s and outputs any operand computed from them; the names
 * given here become the signature's keys, which loaders use instead of graph node names. Variables
 * are saved with the values they hold in {@code session} (TensorFlow runs their initialisers first
 * if nothing has). Exporting adds save/restore operations to the session's graph, so do not
 * export while another thread uses that graph. The class has no state.
 *
 * <pre>
 * try (Graph graph = new Graph(); Session session = new Session(graph)) {
 *     Ops tf = Ops.create(graph);
 *     var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
 *     var y = tf.math.mul(x, tf.variable(tf.constant(2f)));
 *     SavedModelExporter.export(Path.of("models/double"), session, x, y);
 * }
 * </pre>
 */
public final class SavedModelExporter {

	/** Signature key of the exported function, as bioimage.io and DeepImageJ expect. */
	public static final String SIGNATURE_KEY = TfSavedModelRunner.SIGNATURE_KEY;

	/** Method name written into the signature; TensorFlow Serving and DeepImageJ expect it. */
	public static final String METHOD_NAME = "tensorflow/serving/predict";

	/** Signature key of the input in {@link #export(Path, Session, Operand, Operand)}. */
	public static final String INPUT_NAME = "input";

	/** Signature key of the output in {@link #export(Path, Session, Operand, Operand)}. */
	public static final String OUTPUT_NAME = "output";

	private SavedModelExporter() {}

	/**
	 * Exports a one-input, one-output model, named {@value #INPUT_NAME} and {@value #OUTPUT_NAME}.
	 *
	 * @param dir target folder; created if missing, must not already hold a SavedModel
	 * @param session session over the graph holding {@code input} and {@code output}
	 * @param input the model's input, usually a placeholder
	 * @param output the model's output
	 * @throws BadInputException if {@code dir} is a file or already holds a SavedModel
	 * @throws IOException if the files cannot be written
	 */
	public static void export(Path dir, Session session, Operand<?> input, Operand<?> output) throws IOException {
		export(dir, session, Map.of(INPUT_NAME, input), Map.of(OUTPUT_NAME, output));
	}

	/**
	 * Exports a model with named inputs and outputs.
	 *
	 * @param dir target folder; created if missing, must not already hold a SavedModel
	 * @param session session over the graph holding all operands
	 * @param inputs signature key → input operand, at least one
	 * @param outputs signature key → output operand, at least one
	 * @throws BadInputException if {@code dir} is a file or already holds a SavedModel
	 * @throws IOException if the files cannot be written
	 */
	public static void export(Path dir, Session session, Map<String, ? extends Operand<?>> inputs, Map<String, ? extends Operand<?>> outputs)
		throws IOException {
		Objects.requireNonNull(session, "session");
		if (inputs.isEmpty() || outputs.isEmpty()) throw new IllegalArgumentException("A model needs at least one input and one output.");
		checkTarget(dir);
		Signature.Builder signature = Signature.builder(SIGNATURE_KEY).methodName(METHOD_NAME);
		new LinkedHashMap<>(inputs).forEach(signature::input);
		new LinkedHashMap<>(outputs).forEach(signature::output);
		Files.createDirectories(dir);
		SavedModelBundle.exporter(dir.toString()).withTags(TfSavedModelRunner.TAG).withFunction(SessionFunction.create(signature.build(), session))
			.export();
	}

	/** ML4EM never overwrites a model: a half-replaced model folder would load as neither version. */
	private static void checkTarget(Path dir) {
		Objects.requireNonNull(dir, "dir");
		if (Files.exists(dir) && !Files.isDirectory(dir))
			throw new BadInputException("Cannot export a model to " + dir + ": it is a file; expected a new or empty folder.");
		if (Files.exists(dir.resolve("saved_model.pb")) || Files.exists(dir.resolve("variables")))
			throw new BadInputException("Cannot export a model to " + dir + ": it already holds a SavedModel; choose a new folder.");
	}
}
