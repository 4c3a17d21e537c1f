package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A small convolutional critic for adversarial training: 3 × 3 convolutions with stride 2 and
 * leaky ReLU (slope 0.2) through {@code filters} channels, the mean over the remaining pixels, and
 * one linear unit: a score per image, high for "looks real". The same variables score every input
 * it is applied to, so real and generated images are judged by one network.
 */
final class DiscriminatorLayers {

	private final Ops tf;
	private final int[] filters;
	private final List<Variable<TFloat32>> variables = new ArrayList<>();

	/**
	 * @param filters channels of each stride-2 convolution, e.g. {16, 32, 64, 64}
	 * @param seed seed of the He-normal initial kernels
	 */
	DiscriminatorLayers(Ops tf, int inputChannels, int[] filters, long seed) {
		this.tf = tf;
		this.filters = filters.clone();
		SplittableRandom random = new SplittableRandom(seed);
		int in = inputChannels;
		for (int f : filters) {
			variables.add(variable(UNetLayers.heNormal(random, 9 * in, 9 * in * f), 3, 3, in, f));
			variables.add(variable(new float[f], f));
			in = f;
		}
		variables.add(variable(UNetLayers.heNormal(random, in, in), in, 1));
		variables.add(variable(new float[1], 1));
	}

	/** The trained variables. */
	List<Variable<TFloat32>> variables() {
		return List.copyOf(variables);
	}

	/** {@return one score per image, {@code (batch, 1)}} @param images {@code (batch, y, x, channel)} */
	Operand<TFloat32> score(Operand<TFloat32> images) {
		Operand<TFloat32> h = images;
		for (int i = 0; i < filters.length; i++) {
			var z = tf.nn.biasAdd(tf.nn.conv2d(h, tf.identity(variables.get(2 * i)), List.of(1L, 2L, 2L, 1L), "SAME"), tf.identity(variables.get(2 * i + 1)));
			h = tf.math.maximum(z, tf.math.mul(z, tf.constant(0.2f)));
		}
		var pooled = tf.math.mean(h, tf.constant(new int[] { 1, 2 }));
		int last = 2 * filters.length;
		return tf.math.add(tf.linalg.matMul(pooled, tf.identity(variables.get(last))), tf.identity(variables.get(last + 1)));
	}

	private Variable<TFloat32> variable(float[] initial, long... dims) {
		return tf.variable(tf.constant(Shape.of(dims), DataBuffers.of(initial, true, false)));
	}
}
