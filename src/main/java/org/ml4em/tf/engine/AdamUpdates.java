package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adds Adam updates of a set of variables to a graph: one {@code ApplyAdam} per variable with
 * zero-initialised moment slots, then the running powers β₁ᵗ, β₂ᵗ advanced once every update has
 * run. Hyper-parameters are {@link GraphTrainer}'s (the Keras defaults).
 */
final class AdamUpdates {

	private AdamUpdates() {}

	/**
	 * @param tf the graph's ops, for the slots and constants
	 * @param afterGradients ops that wait for whatever must be computed before any variable changes
	 *            (the loss, every gradient): a ref variable's reader aliases its buffer, so an
	 *            update running while backpropagation still reads a kernel would race with it
	 * @param variables variables of fully known shape
	 * @param gradients one per variable, same order
	 * @param learningRate Adam step size, a scalar (a constant, or a placeholder for a schedule)
	 * @return the ops to run as targets of a training step
	 */
	static List<Op> build(Ops tf, Ops afterGradients, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients, Operand<TFloat32> learningRate) {
		var beta1Power = tf.variable(tf.constant(GraphTrainer.BETA1));
		var beta2Power = tf.variable(tf.constant(GraphTrainer.BETA2));
		var beta1 = tf.constant(GraphTrainer.BETA1);
		var beta2 = tf.constant(GraphTrainer.BETA2);
		var epsilon = tf.constant(GraphTrainer.EPSILON);
		List<Op> applies = new ArrayList<>();
		for (int i = 0; i < variables.size(); i++) {
			Variable<TFloat32> variable = variables.get(i);
			Shape shape = variable.shape();
			if (shape.isUnknown() || shape.hasUnknownDimension())
				throw new IllegalArgumentException("variable " + variable.op().name() + " has no fully known shape: " + shape);
			var m = tf.variable(zeros(tf, shape));
			var v = tf.variable(zeros(tf, shape));
			applies.add(afterGradients.train.applyAdam(variable, m, v, beta1Power, beta2Power, learningRate, beta1, beta2, epsilon, gradients.get(i)));
		}
		Ops afterApply = tf.withControlDependencies(applies);
		return List.of(afterApply.assign(beta1Power, afterApply.math.mul(beta1Power, beta1)),
			afterApply.assign(beta2Power, afterApply.math.mul(beta2Power, beta2)));
	}

	/** {@return the gradients of {@code loss} with respect to each variable, in their order} */
	static List<Operand<TFloat32>> gradients(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables) {
		Gradients g = tf.gradients(loss, variables);
		List<Operand<TFloat32>> out = new ArrayList<>();
		for (int i = 0; i < variables.size(); i++)
			out.add(g.dy(i));
		return out;
	}

	private static Operand<TFloat32> zeros(Ops tf, Shape shape) {
		return tf.zeros(tf.constant(shape.asArray()), TFloat32.class);
	}
}
