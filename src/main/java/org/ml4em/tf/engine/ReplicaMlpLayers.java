package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.tf.MlpShape;
import org.ml4em.tf.ReplicaWeights;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * The forward pass of {@code R} networks at once, with the replica as the batch axis of every
 * weight: kernels {@code [R, fanIn, fanOut]}, biases {@code [R, fanOut, 1]}, activations
 * {@code [R, width, N]}. One batched matrix product per layer evaluates all replicas, and because
 * replica {@code r}'s output depends on replica {@code r}'s weights alone, gradients of a sum of
 * per-replica losses keep the replicas independent.
 */
final class ReplicaMlpLayers {

	private ReplicaMlpLayers() {}

	/** Kernel and bias variables of every layer, initialised from {@code weights}. */
	record Variables(List<Variable<TFloat32>> kernels, List<Variable<TFloat32>> biases) {

		/** Kernels then biases, layer by layer: the order {@link #fill} reads them back in. */
		List<Variable<TFloat32>> all() {
			List<Variable<TFloat32>> all = new ArrayList<>(kernels);
			all.addAll(biases);
			return all;
		}
	}

	/** Adds one variable per kernel and bias, holding {@code weights}. */
	static Variables variables(Ops tf, ReplicaWeights weights) {
		MlpShape shape = weights.shape();
		int r = weights.replicas();
		List<Variable<TFloat32>> kernels = new ArrayList<>();
		List<Variable<TFloat32>> biases = new ArrayList<>();
		for (int l = 0; l < shape.layers(); l++) {
			kernels.add(tf.variable(constant(tf, weights.kernelArray(l), r, shape.fanIn(l), shape.fanOut(l))));
			biases.add(tf.variable(constant(tf, weights.biasArray(l), r, shape.fanOut(l), 1)));
		}
		return new Variables(kernels, biases);
	}

	/**
	 * The networks' outputs for {@code x}.
	 *
	 * @param x inputs {@code [R, N, inputs]}, or {@code [1, N, inputs]} to give every replica the
	 *            same points (the batch axis broadcasts)
	 * @return outputs {@code [R, N]}
	 */
	static Operand<TFloat32> forward(Ops tf, MlpShape shape, Variables weights, Operand<TFloat32> x) {
		// Units before points ([R, width, N]): the bias then broadcasts along the contiguous points
		// axis and its gradient sums along it, both several times faster on the CPU than along the
		// middle axis of [R, N, width]. A constant x is transposed once, by constant folding.
		Operand<TFloat32> h = tf.linalg.transpose(x, tf.constant(new int[] { 0, 2, 1 }));
		for (int l = 0; l < shape.layers(); l++) {
			// Identity reads the variable as a plain tensor: BatchMatMulV3's gradient cannot take a
			// reference-typed operand (it would set its output type to float_ref).
			var kernel = tf.identity(weights.kernels().get(l));
			var bias = tf.identity(weights.biases().get(l));
			var product = tf.train.batchMatMul(kernel, h, TFloat32.class, BatchMatMul.adjX(true));
			Operand<TFloat32> z = tf.math.add(product, bias);
			h = l < shape.hiddenSizes().size() ? activate(tf, z, shape.activations().get(l)) : z;
		}
		return tf.squeeze(h, Squeeze.axis(1L));
	}

	/** A constant of shape {@code dims} holding {@code values} (row-major), copied into the graph. */
	static Operand<TFloat32> constant(Ops tf, float[] values, long... dims) {
		return tf.constant(Shape.of(dims), DataBuffers.of(values, true, false));
	}

	/** Reads the variables' values (kernels, then biases, as fetched) into {@code target}. */
	static void fill(ReplicaWeights target, List<TFloat32> kernelsThenBiases) {
		int layers = target.shape().layers();
		for (int l = 0; l < layers; l++) {
			kernelsThenBiases.get(l).asRawTensor().data().asFloats().read(target.kernelArray(l));
			kernelsThenBiases.get(layers + l).asRawTensor().data().asFloats().read(target.biasArray(l));
		}
	}

	private static Operand<TFloat32> activate(Ops tf, Operand<TFloat32> z, MlpShape.Activation activation) {
		return switch (activation) {
			case SIGMOID -> tf.math.sigmoid(z);
			case RELU -> tf.nn.relu(z);
			case TANH -> tf.math.tanh(z);
			case LINEAR -> z;
		};
	}
}
