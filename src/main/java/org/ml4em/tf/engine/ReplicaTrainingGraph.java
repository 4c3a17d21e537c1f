package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.MlpShape;
import org.ml4em.tf.ReplicaData;
import org.ml4em.tf.ReplicaWeights;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * One training session of an ensemble: the training and the validation points as graph constants (they never change, and a
 * constant lives on the device for the whole training, where a feed would be copied there every
 * step), the weights as variables, per-replica training and validation χ², and {@link GraphTrainer}'s
 * Adam on the sum of the training χ² over replicas. Not thread-safe.
 * <p>
 * On the CPU the replicas are split into up to one shard per thread, each with its own variables and
 * its own chain of operations, and TensorFlow runs the chains side by side with single-threaded
 * operations: its batched matrix products of these small matrices barely use a second thread,
 * while independent chains do. Every shard holds at least {@value #MIN_REPLICAS_PER_SHARD}
 * replicas, and a single shard runs its operations in the calling thread: handing each small
 * operation to a pool thread costs more than it gains (one replica: 0.24 ms per step handed to
 * pool threads, 0.06 ms inline, in a process where each session has its own intra-op pool, see
 * {@link ThreadPoolSetting}). On a GPU there is one shard.
 */
final class ReplicaTrainingGraph implements AutoCloseable {

	/**
	 * The state at one check.
	 *
	 * @param trainingChi2 per replica, or null from {@link #check()}, which computes the validation χ² alone
	 * @param validationChi2 per replica
	 * @param weights every replica's current weights, a fresh copy
	 */
	record Evaluation(float[] trainingChi2, float[] validationChi2, ReplicaWeights weights) {}

	/**
	 * Fewest replicas per CPU shard: 16 replicas take as long in one inline chain as in two shards
	 * (0.33 ms per step), 8 take 0.18 ms inline and 0.26 ms in two, 32 take 0.64 and 0.53 ms.
	 */
	static final int MIN_REPLICAS_PER_SHARD = 8;

	/** One shard's variables and its first replica. */
	private record Shard(int from, int replicas, ReplicaMlpLayers.Variables variables) {}

	private final MlpShape shape;
	private final int replicas;
	private final GraphTrainer trainer;
	private final List<Shard> shards = new ArrayList<>();
	private final Operand<TFloat32> trainingChi2;
	private final Operand<TFloat32> validationChi2;

	/**
	 * @param data the replicas' data
	 * @param initial starting weights, as many replicas as {@code data}
	 * @param learningRate Adam step size
	 * @param threads CPU threads: the number of shards on the CPU
	 */
	ReplicaTrainingGraph(ReplicaData data, ReplicaWeights initial, float learningRate, ComputeDevice device, int threads) {
		shape = initial.shape();
		replicas = data.replicas();
		int shardCount = device.gpu() ? 1 : Math.max(1, Math.min(threads, replicas / MIN_REPLICAS_PER_SHARD));
		Graph graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			if (device.gpu()) tf = tf.withDevice(GpuProbe.gpuSpec());
			List<Operand<TFloat32>> training = new ArrayList<>();
			List<Operand<TFloat32>> validation = new ArrayList<>();
			for (int s = 0; s < shardCount; s++) {
				int from = (int) ((long) replicas * s / shardCount);
				int to = (int) ((long) replicas * (s + 1) / shardCount);
				addShard(tf, data.replicas(from, to), initial.replicas(from, to), from, training, validation);
			}
			trainingChi2 = concat(tf, training);
			validationChi2 = concat(tf, validation);
			// The sum's gradient with respect to replica r's weights is replica r's own gradient.
			var loss = tf.reduceSum(trainingChi2, tf.constant(0));
			List<Variable<TFloat32>> variables = new ArrayList<>();
			shards.forEach(shard -> variables.addAll(shard.variables().all()));
			trainer = new GraphTrainer(graph, loss, variables, learningRate, config(device, threads, shardCount));
		}
		catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	/**
	 * One full-batch Adam step of every replica.
	 * <p>
	 * Every session run with another set of fetches costs TensorFlow a graph optimisation the
	 * first time (tens of milliseconds, which a small graph never earns back), so the graph is run
	 * in two ways only: this step, and {@link #check()}. The step returns the training χ² it
	 * computes anyway, which is also the training χ² at the last check.
	 *
	 * @return every replica's training χ² before the step
	 */
	float[] step() {
		try (Result result = trainer.stepFetching(trainingChi2)) {
			return read(result, 0);
		}
	}

	/**
	 * Per-replica validation χ² and weights, without changing anything; {@link Evaluation#trainingChi2()}
	 * is null (the next {@link #step()} returns it).
	 */
	Evaluation check() {
		Session.Runner runner = trainer.session().runner().fetch(validationChi2);
		shards.forEach(shard -> shard.variables().all().forEach(runner::fetch));
		try (Result result = runner.run()) {
			float[] validation = read(result, 0);
			ReplicaWeights current = ReplicaWeights.zeros(shape, replicas);
			int index = 1;
			for (Shard shard : shards) {
				List<TFloat32> values = new ArrayList<>();
				for (int i = 0; i < shard.variables().all().size(); i++)
					values.add((TFloat32) result.get(index++));
				ReplicaWeights part = ReplicaWeights.zeros(shape, shard.replicas());
				ReplicaMlpLayers.fill(part, values);
				for (int r = 0; r < shard.replicas(); r++)
					current.copyReplica(shard.from() + r, part, r);
			}
			return new Evaluation(null, validation, current);
		}
	}

	private float[] read(Result result, int index) {
		float[] values = new float[replicas];
		((TFloat32) result.get(index)).asRawTensor().data().asFloats().read(values);
		return values;
	}

	/** Closes the session and the graph. */
	@Override
	public void close() {
		trainer.close();
	}

	/**
	 * Adds one shard's constants, variables and per-replica χ² ({@code [replicas of the shard]}):
	 * training and validation points in separate constants, so that a step runs the network on the
	 * training points alone.
	 */
	private void addShard(Ops tf, ReplicaData data, ReplicaWeights initial, int from, List<Operand<TFloat32>> training,
		List<Operand<TFloat32>> validation) {
		var variables = ReplicaMlpLayers.variables(tf, initial);
		shards.add(new Shard(from, data.replicas(), variables));
		training.add(chi2(tf, variables, ReplicaPoints.of(data, data.trainingCoefficients()), data));
		validation.add(chi2(tf, variables, ReplicaPoints.of(data, data.validationCoefficients()), data));
	}

	/** Σ_n c_rn (prediction − y)² over the given points: {@code [R]}. */
	private Operand<TFloat32> chi2(Ops tf, ReplicaMlpLayers.Variables variables, ReplicaPoints points, ReplicaData data) {
		int r = data.replicas();
		int n = points.points();
		var x = ReplicaMlpLayers.constant(tf, points.x(), r, n, data.inputs());
		var y = ReplicaMlpLayers.constant(tf, points.y(), r, n);
		var c = ReplicaMlpLayers.constant(tf, points.coefficients(), r, n);
		var squared = tf.math.square(tf.math.sub(ReplicaMlpLayers.forward(tf, shape, variables, x), y));
		return tf.reduceSum(tf.math.mul(squared, c), tf.constant(1));
	}

	/** ConcatV2 wants two or more parts. */
	private static Operand<TFloat32> concat(Ops tf, List<Operand<TFloat32>> parts) {
		return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
	}

	/**
	 * On the CPU single-threaded operations, run by one inter-op thread per shard, or in the calling
	 * thread (a negative inter-op count) for a single shard; on a GPU the given threads.
	 */
	private static ConfigProto config(ComputeDevice device, int threads, int shardCount) {
		if (device.gpu()) return SessionConfigs.forDevice(device, threads);
		return SessionConfigs.forDevice(device, 1).toBuilder().setInterOpParallelismThreads(shardCount == 1 ? -1 : shardCount).build();
	}
}
