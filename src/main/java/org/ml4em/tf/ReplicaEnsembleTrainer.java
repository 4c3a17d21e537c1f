package org.ml4em.tf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;

/**
 * Trains an ensemble of small networks of one {@link MlpShape} (Monte Carlo replicas), each on its
 * own data, all in one TensorFlow graph: the replica is the batch axis of every weight, so one
 * full-batch Adam step updates all replicas without a session run, a graph and a network per
 * replica (on 2 shared CPU cores a replica costs about 7 times less than trained alone, measured
 * with {@code bench/zlp_speed.sh}; the rest of the cost is TensorFlow's per-replica small matrix
 * products, which a GPU takes on). Adam's
 * moments are per weight, so each replica follows exactly the path it would follow alone.
 * <p>
 * Per replica the loss is χ² per weighted point (see {@link ReplicaData}); the graph minimises
 * the sum over replicas. Every {@code checkEvery} epochs the validation χ² of every replica is
 * computed and each replica keeps the weights of its lowest validation χ²; training stops when no
 * replica improved for {@code patience} checks, or after {@code maxEpochs}. {@link #predict} and
 * {@link #exportSavedModel} use the kept (best-validation) weights.
 *
 * <pre>
 * MlpShape shape = MlpShape.of(2, new int[] {10, 15, 5}, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);
 * try (ReplicaEnsembleTrainer trainer = new ReplicaEnsembleTrainer(shape, DeviceChoice.AUTO, 2)) {
 *     ReplicaTrainingReport report = trainer.train(data, ReplicaTrainingSettings.defaults(), progress);
 *     float[][] lnZlp = trainer.predict(points);      // [replica][point]
 *     trainer.exportSavedModel(Path.of("zlp-model")); // input [M, 2] -> output [R, M]
 * }
 * </pre>
 *
 * Inputs are used as given: scale them (e.g. to [0.1, 0.9]) before training and predicting.
 * Device: {@link DeviceChoice#AUTO} runs on the GPU when TensorFlow can use one, else on the CPU;
 * {@link #device()} and the report say which ran. On the CPU, with a given thread count, the
 * same data, weights and settings give bit-for-bit the same networks.
 * <p>
 * Judge replicas by their χ², not only by their number: a replica whose ReLU units all switch
 * off (every input gives a negative pre-activation) outputs a constant and stops learning, and
 * with sigmoid features that barely vary over inputs in [0.1, 0.9] this happens to a sizeable
 * share of Glorot-initialised ZLP networks early in training. Such replicas end with a training
 * χ² near that of a constant fit; reject them as outliers (or retrain them from another seed).
 * <p>
 * Not thread-safe: one caller at a time.
 */
public final class ReplicaEnsembleTrainer implements AutoCloseable {

	private final MlpShape shape;
	private final ComputeDevice device;
	private final int threads;
	private ReplicaWeights weights;
	private ReplicaPredictionGraph predictor;

	/**
	 * @param shape the architecture of every replica
	 * @param device where to train and predict
	 * @param threads CPU threads, at least 1: on the CPU the replicas are split into this many
	 *            shards that train side by side (TensorFlow's products of these small matrices
	 *            barely use a second thread within one operation)
	 * @throws BadInputException if {@code gpu} is asked for and none is usable
	 */
	public ReplicaEnsembleTrainer(MlpShape shape, DeviceChoice device, int threads) {
		this.shape = Objects.requireNonNull(shape, "shape");
		this.device = TensorFlowDevices.resolve(Objects.requireNonNull(device, "device"));
		if (threads < 1) throw new BadInputException("TensorFlow needs at least one thread, got " + threads + ".");
		this.threads = threads;
	}

	/** The device that trains and predicts. */
	public ComputeDevice device() {
		return device;
	}

	/** The architecture of every replica. */
	public MlpShape shape() {
		return shape;
	}

	/**
	 * Trains all replicas together from Glorot-uniform weights drawn from {@code settings.seed()}.
	 *
	 * @param data one data set per replica, with {@link MlpShape#inputs()} inputs
	 * @return per-replica χ² and epochs, the device and the time taken
	 * @throws BadInputException if the data do not have the network's number of inputs
	 * @throws java.util.concurrent.CancellationException if {@code progress} is canceled; the
	 *             previous weights are kept
	 */
	public ReplicaTrainingReport train(ReplicaData data, ReplicaTrainingSettings settings, Progress progress) {
		return train(data, ReplicaWeights.glorotUniform(shape, data.replicas(), settings.seed()), settings, progress);
	}

	/**
	 * Like {@link #train(ReplicaData, ReplicaTrainingSettings, Progress)}, starting from given
	 * weights (a warm start, e.g. from a fit of a neighbouring data set); {@code settings.seed()}
	 * is not used.
	 *
	 * @param initial starting weights, one network per replica of {@code data}
	 */
	public ReplicaTrainingReport train(ReplicaData data, ReplicaWeights initial, ReplicaTrainingSettings settings, Progress progress) {
		checkFits(data, initial);
		long start = System.nanoTime();
		progress.log("Training " + data.replicas() + " replicas together on " + device + ".");
		ReplicaTrainingLoop.Outcome outcome;
		try (ReplicaTrainingGraph graph = new ReplicaTrainingGraph(data, initial, settings.learningRate(), device, threads)) {
			outcome = ReplicaTrainingLoop.run(graph, settings, progress);
		}
		setWeights(outcome.best());
		return new ReplicaTrainingReport(outcome.replicas(), device, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * The baseline way: one network per replica, trained alone in its own graph, one after
	 * another, each with its own early stopping. Replica {@code r} starts from the same weights as
	 * in {@link #train(ReplicaData, ReplicaTrainingSettings, Progress)}, so both ways give the same
	 * networks (up to float rounding, and to the epoch each stops at); only the time differs.
	 */
	public ReplicaTrainingReport trainOneAtATime(ReplicaData data, ReplicaTrainingSettings settings, Progress progress) {
		ReplicaWeights initial = ReplicaWeights.glorotUniform(shape, data.replicas(), settings.seed());
		checkFits(data, initial);
		int count = data.replicas();
		progress.log("Training " + count + " replicas one at a time on " + device + ".");
		List<ReplicaTrainingReport> reports = new ArrayList<>();
		List<ReplicaWeights> trained = new ArrayList<>();
		for (int r = 0; r < count; r++) {
			Progress part = new ProgressRange(progress, (double) r / count, (r + 1.0) / count, "Replica " + (r + 1) + "/" + count + ": ");
			long start = System.nanoTime();
			try (ReplicaTrainingGraph graph = new ReplicaTrainingGraph(data.replica(r), initial.replica(r), settings.learningRate(), device, threads)) {
				ReplicaTrainingLoop.Outcome outcome = ReplicaTrainingLoop.run(graph, settings, part);
				trained.add(outcome.best());
				reports.add(new ReplicaTrainingReport(outcome.replicas(), device, (System.nanoTime() - start) / 1e9));
			}
		}
		setWeights(ReplicaWeights.stack(trained));
		return ReplicaTrainingReport.concatenate(reports, device);
	}

	/**
	 * Every replica's output at the same points, with the kept weights.
	 *
	 * @param points {@code M} rows of {@link MlpShape#inputs()} finite values (scaled as in training)
	 * @return {@code [R][M]} outputs
	 * @throws IllegalStateException before any training or {@link #setWeights}
	 * @throws BadInputException if a row has the wrong length or a non-finite value
	 */
	public float[][] predict(float[][] points) {
		checkPoints(points);
		if (points.length == 0) return new float[requireWeights().replicas()][0];
		return predictor().predict(points);
	}

	/** The kept weights (each replica's best-validation weights after training). */
	public ReplicaWeights weights() {
		return requireWeights();
	}

	/**
	 * Replaces the weights {@link #predict} and {@link #exportSavedModel} use (e.g. weights saved
	 * from an earlier training).
	 *
	 * @throws BadInputException if their shape is not this trainer's
	 */
	public void setWeights(ReplicaWeights newWeights) {
		Objects.requireNonNull(newWeights, "weights");
		if (!newWeights.shape().equals(shape)) throw new BadInputException("The weights are for networks of shape " + newWeights.shape() +
			", this trainer's are " + shape + ".");
		closePredictor();
		weights = newWeights;
	}

	/**
	 * Writes the kept weights as a TensorFlow SavedModel for {@link SavedModelRunner}, bioimage.io
	 * and DeepImageJ: tag {@code serve}, signature {@code serving_default} with input
	 * {@code "input"} of shape {@code [M, inputs]} and output {@code "output"} of shape {@code [R, M]}.
	 *
	 * @param dir new or empty folder
	 * @throws BadInputException if {@code dir} is a file or already holds a SavedModel
	 * @throws IOException if the files cannot be written
	 */
	public void exportSavedModel(Path dir) throws IOException {
		requireWeights();
		predictor().export(dir);
	}

	/** Releases the prediction session; the weights stay readable. Idempotent. */
	@Override
	public void close() {
		closePredictor();
	}

	// -- Helpers --

	private void checkFits(ReplicaData data, ReplicaWeights initial) {
		Objects.requireNonNull(data, "data");
		if (data.inputs() != shape.inputs()) throw new BadInputException("The data have " + data.inputs() + " inputs per point, the network " +
			shape.inputs() + ".");
		if (!initial.shape().equals(shape)) throw new BadInputException("The starting weights are for networks of shape " + initial.shape() +
			", this trainer's are " + shape + ".");
		if (initial.replicas() != data.replicas()) throw new BadInputException("There are starting weights for " + initial.replicas() +
			" replicas but data for " + data.replicas() + "; expected the same number.");
	}

	private void checkPoints(float[][] points) {
		Objects.requireNonNull(points, "points");
		for (int i = 0; i < points.length; i++) {
			if (points[i] == null || points[i].length != shape.inputs()) throw new BadInputException("Point " + i + " has " +
				(points[i] == null ? "no" : String.valueOf(points[i].length)) + " inputs; the network takes " + shape.inputs() + ".");
			for (float v : points[i])
				if (!Float.isFinite(v)) throw new BadInputException("Point " + i + " has a non-finite input (" + v + "); inputs must be finite.");
		}
	}

	private ReplicaWeights requireWeights() {
		if (weights == null) throw new IllegalStateException("The ensemble has no weights yet: train it or call setWeights first.");
		return weights;
	}

	private ReplicaPredictionGraph predictor() {
		if (predictor == null) predictor = new ReplicaPredictionGraph(requireWeights(), device, threads);
		return predictor;
	}

	private void closePredictor() {
		if (predictor != null) predictor.close();
		predictor = null;
	}
}
