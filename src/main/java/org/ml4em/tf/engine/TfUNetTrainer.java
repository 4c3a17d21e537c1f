package org.ml4em.tf.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.UNetShape;
import org.ml4em.tf.UNetTrainer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** {@link UNetTrainer} in TensorFlow. */
public final class TfUNetTrainer implements UNetTrainer {

	private final UNetShape shape;
	private final ComputeDevice device;
	private final Placeholder<TFloat32> input;
	private final Placeholder<TFloat32> target;
	private final Operand<TFloat32> probabilities;
	private final GraphTrainer trainer;
	private final List<Variable<TFloat32>> variables;

	/**
	 * @param shape the architecture
	 * @param learningRate Adam step size, e.g. 1e-3
	 * @param positiveWeights per output channel, how much more a pixel counts where its target is 1
	 *            than where it is 0 (linear in between), at least 1: for rare classes; empty for
	 *            all 1
	 * @param seed seed of the initial weights
	 * @param device where to train
	 * @param threads CPU threads TensorFlow may use within one operation
	 */
	public TfUNetTrainer(UNetShape shape, float learningRate, float[] positiveWeights, long seed, ComputeDevice device, int threads) {
		this.shape = Objects.requireNonNull(shape, "shape");
		this.device = Objects.requireNonNull(device, "device");
		Graph graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			if (device.gpu()) tf = tf.withDevice(GpuProbe.gpuSpec());
			input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, shape.inputChannels())));
			target = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, shape.outputChannels())));
			UNetLayers layers = new UNetLayers(tf, shape, seed);
			var logits = layers.logits(input);
			variables = layers.variables();
			probabilities = tf.math.sigmoid(logits);
			trainer = new GraphTrainer(graph, crossEntropy(tf, logits, target, weights(positiveWeights, shape.outputChannels())), layers.variables(), learningRate,
				SessionConfigs.forDevice(device, threads));
		}
		catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	@Override
	public UNetShape shape() {
		return shape;
	}

	@Override
	public ComputeDevice device() {
		return device;
	}

	@Override
	public float step(float[] images, float[] targets, int batch, int height, int width) {
		try (TFloat32 x = tensor(images, batch, height, width, shape.inputChannels());
			TFloat32 y = tensor(targets, batch, height, width, shape.outputChannels())) {
			return trainer.step(Map.<Operand<?>, Tensor> of(input, x, target, y));
		}
	}

	@Override
	public float loss(float[] images, float[] targets, int batch, int height, int width) {
		try (TFloat32 x = tensor(images, batch, height, width, shape.inputChannels());
			TFloat32 y = tensor(targets, batch, height, width, shape.outputChannels())) {
			return trainer.loss(Map.<Operand<?>, Tensor> of(input, x, target, y));
		}
	}

	@Override
	public float[] predict(float[] images, int batch, int height, int width) {
		try (TFloat32 x = tensor(images, batch, height, width, shape.inputChannels());
			Result result = trainer.session().runner().feed(input, x).fetch(probabilities).run()) {
			float[] out = new float[batch * height * width * shape.outputChannels()];
			((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(out);
			return out;
		}
	}

	@Override
	public void export(Path dir) throws IOException {
		exportNetwork(dir, shape, UNetHead.PROBABILITIES, currentWeights());
	}

	/** {@return the current weights, one array per variable in {@link UNetLayers#variables()} order} */
	List<float[]> currentWeights() {
		return weightsOf(trainer.session(), variables);
	}

	/** {@return the values of {@code variables} in {@code session}, one array each} */
	static List<float[]> weightsOf(Session session, List<Variable<TFloat32>> variables) {
		Session.Runner runner = session.runner();
		for (Variable<TFloat32> v : variables)
			runner.fetch(v);
		List<float[]> out = new ArrayList<>();
		try (Result result = runner.run()) {
			for (int i = 0; i < variables.size(); i++) {
				TFloat32 t = (TFloat32) result.get(i);
				float[] values = new float[Math.toIntExact(t.shape().size())];
				t.asRawTensor().data().asFloats().read(values);
				out.add(values);
			}
		}
		return out;
	}

	/**
	 * Writes a U-Net with the given weights as a SavedModel of its forward pass (input, the head's output).
	 *
	 * @param head what the model outputs
	 * @param weights one array per variable, in {@link UNetLayers#variables()} order
	 */
	static void exportNetwork(Path dir, UNetShape shape, UNetHead head, List<float[]> weights) throws IOException {
		try (Graph graph = new Graph(); Session session = new Session(graph, SessionConfigs.withThreads(1, true))) {
			Ops tf = Ops.create(graph);
			var in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, shape.inputChannels())));
			UNetLayers layers = new UNetLayers(tf, shape, weights, head);
			var out = head.output(tf, in, layers.logits(in));
			Session.Runner runner = session.runner();
			List<TFloat32> tensors = new ArrayList<>();
			try {
				for (UNetLayers.Assignment a : layers.assignments()) {
					TFloat32 t = TFloat32.tensorOf(a.shape(), DataBuffers.of(a.values(), true, false));
					tensors.add(t);
					runner.feed(a.placeholder(), t).addTarget(a.assign());
				}
				runner.run().close();
			}
			finally {
				tensors.forEach(TFloat32::close);
			}
			SavedModelExporter.export(dir, session, in, out);
		}
	}

	@Override
	public void close() {
		trainer.close();
	}

	private TFloat32 tensor(float[] values, int batch, int height, int width, int channels) {
		return ImageTensors.of(shape, values, batch, height, width, channels);
	}

	/**
	 * Mean of (1 + (w_c − 1)·t) · (max(z, 0) − z·t + ln(1 + e^−|z|)): the numerically stable sigmoid
	 * cross-entropy, with positives of channel c weighted by w_c.
	 */
	private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target, float[] positiveWeights) {
		var perValue = tf.math.add(tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, target)),
			tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
		float[] extra = new float[positiveWeights.length];
		for (int c = 0; c < extra.length; c++)
			extra[c] = positiveWeights[c] - 1;
		var weight = tf.math.add(tf.constant(1f), tf.math.mul(target, tf.constant(extra)));
		return tf.math.mean(tf.math.mul(weight, perValue), tf.constant(new int[] { 0, 1, 2, 3 }));
	}

	private static float[] weights(float[] positiveWeights, int channels) {
		if (positiveWeights.length == 0) {
			float[] ones = new float[channels];
			java.util.Arrays.fill(ones, 1);
			return ones;
		}
		if (positiveWeights.length != channels)
			throw new BadInputException(positiveWeights.length + " positive weights for " + channels + " output channels; expected one per channel.");
		for (float w : positiveWeights)
			if (!(w >= 1) || !Float.isFinite(w)) throw new BadInputException("A positive weight must be at least 1, got " + w + ".");
		return positiveWeights.clone();
	}
}
