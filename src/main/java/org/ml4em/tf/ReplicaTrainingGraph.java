package org.ml4em.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One training session of an ensemble: the data as graph constants (they never change, and a
 * constant lives on the device for the whole training, where a feed would be copied there every
 * step), the weights as variables, per-replica training and validation χ², and {@link GraphTrainer}'s
 * Adam on the sum of the training χ² over replicas. Not thread-safe.
 */
final class ReplicaTrainingGraph implements AutoCloseable {

	/**
	 * The state at one check.
	 *
	 * @param trainingChi2 per replica
	 * @param validationChi2 per replica
	 * @param weights every replica's current weights, a fresh copy
	 */
	record Evaluation(float[] trainingChi2, float[] validationChi2, ReplicaWeights weights) {}

	private final MlpShape shape;
	private final int replicas;
	private final GraphTrainer trainer;
	private final List<Variable<TFloat32>> weights;
	private final Operand<TFloat32> trainingChi2;
	private final Operand<TFloat32> validationChi2;

	/**
	 * @param data the replicas' data
	 * @param initial starting weights, as many replicas as {@code data}
	 * @param learningRate Adam step size
	 */
	ReplicaTrainingGraph(ReplicaData data, ReplicaWeights initial, float learningRate, ComputeDevice device, int threads) {
		shape = initial.shape();
		replicas = data.replicas();
		Graph graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			if (device.gpu()) tf = tf.withDevice(TensorFlowDevices.gpuSpec());
			int n = data.points();
			var x = ReplicaMlpLayers.constant(tf, data.inputArray(), replicas, n, data.inputs());
			var y = ReplicaMlpLayers.constant(tf, data.targetArray(), replicas, n);
			var variables = ReplicaMlpLayers.variables(tf, initial);
			weights = variables.all();
			var squared = tf.math.square(tf.math.sub(ReplicaMlpLayers.forward(tf, shape, variables, x), y));
			trainingChi2 = chi2(tf, squared, data.trainingCoefficients(), n);
			validationChi2 = chi2(tf, squared, data.validationCoefficients(), n);
			// The sum's gradient with respect to replica r's weights is replica r's own gradient.
			var loss = tf.reduceSum(trainingChi2, tf.constant(0));
			trainer = new GraphTrainer(graph, loss, weights, learningRate, SessionConfigs.forDevice(device, threads));
		}
		catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	/** One full-batch Adam step of every replica. */
	void step() {
		trainer.step(Map.of());
	}

	/** Per-replica χ² and weights, without changing anything. */
	Evaluation evaluate() {
		Session.Runner runner = trainer.session().runner().fetch(trainingChi2).fetch(validationChi2);
		weights.forEach(runner::fetch);
		try (Result result = runner.run()) {
			float[] training = new float[replicas];
			float[] validation = new float[replicas];
			((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(training);
			((TFloat32) result.get(1)).asRawTensor().data().asFloats().read(validation);
			List<TFloat32> values = new ArrayList<>();
			for (int i = 0; i < weights.size(); i++)
				values.add((TFloat32) result.get(2 + i));
			ReplicaWeights current = ReplicaWeights.zeros(shape, replicas);
			ReplicaMlpLayers.fill(current, values);
			return new Evaluation(training, validation, current);
		}
	}

	/** Closes the session and the graph. */
	@Override
	public void close() {
		trainer.close();
	}

	/** Σ_n c_rn (prediction − y)², with the coefficients c of {@link ReplicaData#trainingCoefficients()}: {@code [R]}. */
	private Operand<TFloat32> chi2(Ops tf, Operand<TFloat32> squared, float[] coefficients, int n) {
		var c = ReplicaMlpLayers.constant(tf, coefficients, replicas, n);
		return tf.reduceSum(tf.math.mul(squared, c), tf.constant(1));
	}
}
