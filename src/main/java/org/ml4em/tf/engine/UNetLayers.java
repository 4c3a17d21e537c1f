package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ml4em.tf.UNetShape;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Builds the forward pass of a {@link UNetShape} into a graph: its variables, He-normal initial
 * kernels drawn from a seed (zero biases), and the logits for an input operand. Convolutions are
 * NHWC with "SAME" padding, so every level keeps its size and the output has the input's height
 * and width.
 */
final class UNetLayers {

	/** Slope of the leaky ReLU of inpainting networks below zero. */
	static final float LEAK = 0.1f;

	private final Ops tf;
	private final UNetShape shape;
	private final SplittableRandom random;
	private final List<Variable<TFloat32>> variables = new ArrayList<>();
	private final List<float[]> trained;
	private final List<Assignment> assignments = new ArrayList<>();
	private final UNetHead head;
	private final List<float[]> start;

	/**
	 * How a variable of a network built from trained weights gets its values: run {@code assign}
	 * feeding {@code values} to {@code placeholder}. The weights stay out of the graph definition,
	 * so a SavedModel of the network holds them once, in its variables.
	 */
	record Assignment(Placeholder<TFloat32> placeholder, Operand<TFloat32> assign, float[] values, Shape shape) {}

	/**
	 * @param tf the graph's ops
	 * @param shape the architecture
	 * @param seed seed of the initial kernels: the same seed gives the same network
	 */
	UNetLayers(Ops tf, UNetShape shape, long seed) {
		this(tf, shape, seed, UNetHead.PROBABILITIES);
	}

	/**
	 * @param head what the network's output becomes; an {@link UNetHead#INPAINTING} network learns
	 *            a small correction to its input, so its last (1 × 1) layer starts at zero (an
	 *            untrained network corrects nothing, instead of adding noise it must first unlearn)
	 *            and its hidden layers use leaky ReLU (slope {@value #LEAK}): with plain ReLU the
	 *            noisy gradients of such a residual left every unit dead within a few hundred
	 *            steps, and the network stuck at no correction
	 */
	UNetLayers(Ops tf, UNetShape shape, long seed, UNetHead head) {
		this(tf, shape, seed, head, null);
	}

	/**
	 * A network to train that starts from given weights instead of random ones (to continue a
	 * training).
	 *
	 * @param start one array per variable, in {@link #variables()} order; null for random weights from the seed
	 */
	UNetLayers(Ops tf, UNetShape shape, long seed, UNetHead head, List<float[]> start) {
		this.tf = tf;
		this.shape = shape;
		this.random = new SplittableRandom(seed);
		this.trained = null;
		this.head = head;
		this.start = start == null ? null : List.copyOf(start);
	}

	/**
	 * A network with trained weights instead of random ones; {@link #assignments()} sets them.
	 *
	 * @param weights one array per variable, in the order {@link #variables()} gives
	 * @param head what the network's output becomes, which also sets its activations
	 */
	UNetLayers(Ops tf, UNetShape shape, List<float[]> weights, UNetHead head) {
		this.tf = tf;
		this.shape = shape;
		this.random = null;
		this.trained = List.copyOf(weights);
		this.head = head;
		this.start = null;
	}

	/** What sets the trained weights, one per variable; empty for a network of random weights. */
	List<Assignment> assignments() {
		return List.copyOf(assignments);
	}

	/** Every variable made so far, in creation order (kernel then bias, layer by layer). */
	List<Variable<TFloat32>> variables() {
		return List.copyOf(variables);
	}

	/**
	 * {@return the logits {@code (batch, y, x, outputChannels)}} of {@code input}
	 * {@code (batch, y, x, inputChannels)}; makes the variables, so call it once.
	 */
	Operand<TFloat32> logits(Operand<TFloat32> input) {
		List<Operand<TFloat32>> skips = new ArrayList<>();
		Operand<TFloat32> h = input;
		int channels = shape.inputChannels();
		for (int level = 0; level < shape.depth(); level++) {
			if (level > 0) h = pool(h);
			h = convolve(h, channels, shape.filters(level), shape.kernelSize(), true);
			h = convolve(h, shape.filters(level), shape.filters(level), shape.kernelSize(), true);
			skips.add(h);
			channels = shape.filters(level);
		}
		for (int level = shape.depth() - 2; level >= 0; level--) {
			int f = shape.filters(level);
			h = convolve(upsample(h), shape.filters(level + 1), f, shape.kernelSize(), true);
			h = tf.concat(List.of(skips.get(level), h), tf.constant(3));
			h = convolve(h, 2 * f, f, shape.kernelSize(), true);
			h = convolve(h, f, f, shape.kernelSize(), true);
		}
		return convolve(h, shape.filters(0), shape.outputChannels(), 1, false);
	}

	/** The last layer is the only one without ReLU. */
	private Operand<TFloat32> convolve(Operand<TFloat32> h, int in, int out, int size, boolean relu) {
		boolean residual = head == UNetHead.INPAINTING;
		float[] initial = trained != null ? null : !relu && residual ? new float[size * size * in * out] : heNormal(random, size * size * in, size * size * in * out);
		var kernel = variable(initial, size, size, in, out);
		var bias = variable(new float[out], out);
		// Identity reads a variable as a plain tensor, which every gradient function accepts.
		var z = tf.nn.biasAdd(tf.nn.conv2d(h, tf.identity(kernel), List.of(1L, 1L, 1L, 1L), "SAME"), tf.identity(bias));
		if (!relu) return z;
		return head == UNetHead.INPAINTING ? tf.math.maximum(z, tf.math.mul(z, tf.constant(LEAK))) : tf.nn.relu(z);
	}

	private Operand<TFloat32> pool(Operand<TFloat32> h) {
		return tf.nn.maxPool(h, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1, 2, 2, 1 }), "VALID");
	}

	/** Twice the height and width, each value repeated 2 × 2. */
	private Operand<TFloat32> upsample(Operand<TFloat32> h) {
		var size = tf.math.mul(tf.slice(tf.shape(h), tf.constant(new int[] { 1 }), tf.constant(new int[] { 2 })), tf.constant(2));
		return tf.image.resizeNearestNeighbor(h, size);
	}

	private Variable<TFloat32> variable(float[] initial, long... dims) {
		Shape shape = Shape.of(dims);
		Variable<TFloat32> v;
		if (trained == null && start != null) {
			float[] values = start.get(variables.size());
			if (values.length != shape.size())
				throw new IllegalArgumentException("start weight " + variables.size() + " has " + values.length + " values, the layer needs " + shape.size());
			v = tf.variable(tf.constant(shape, DataBuffers.of(values, true, false)));
		}
		else if (trained == null) v = tf.variable(tf.constant(shape, DataBuffers.of(initial, true, false)));
		else {
			float[] values = trained.get(variables.size());
			if (values.length != shape.size())
				throw new IllegalArgumentException("weight " + variables.size() + " has " + values.length + " values, the layer needs " + shape.size());
			v = tf.variable(shape, TFloat32.class);
			Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
			assignments.add(new Assignment(p, tf.assign(v, p), values, shape));
		}
		variables.add(v);
		return v;
	}

	/** Normal with variance 2 / fanIn (He et al. 2015), for layers followed by ReLU. */
	static float[] heNormal(SplittableRandom random, int fanIn, int count) {
		double sd = Math.sqrt(2.0 / fanIn);
		float[] values = new float[count];
		for (int i = 0; i < count; i++)
			values[i] = (float) (sd * random.nextGaussian());
		return values;
	}
}
