package org.ml4em.tf.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.MlpShape;
import org.ml4em.tf.ReplicaData;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaTrainingSettings;
import org.ml4em.tf.ReplicaWeights;
import org.ml4em.tf.TensorFlowDevices;

/** {@link ReplicaEnsembleTrainer} in TensorFlow. */
public final class TfReplicaEnsembleTrainer implements ReplicaEnsembleTrainer {

	private final MlpShape shape;
	private final ComputeDevice device;
	private final int threads;
	private ReplicaWeights weights;
	private ReplicaPredictionGraph predictor;

	/**
	 * @param shape the architecture of every replica
	 * @param device where to train and predict
	 * @param threads CPU threads, at least 1: on the CPU the replicas are split into up to this
	 *            many shards that train side by side (TensorFlow's products of these small
	 *            matrices barely use a second thread within one operation), each of at least
	 *            {@link ReplicaTrainingGraph#MIN_REPLICAS_PER_SHARD} replicas
	 * @throws BadInputException if {@code gpu} is asked for and none is usable
	 */
	public TfReplicaEnsembleTrainer(MlpShape shape, DeviceChoice device, int threads) {
		this.shape = Objects.requireNonNull(shape, "shape");
		this.device = TensorFlowDevices.resolve(Objects.requireNonNull(device, "device"));
		if (threads < 1) throw new BadInputException("TensorFlow needs at least one thread, got " + threads + ".");
		this.threads = threads;
	}

	@Override
	public ComputeDevice device() {
		return device;
	}

	@Override
	public MlpShape shape() {
		return shape;
	}

	@Override
	public ReplicaTrainingReport train(ReplicaData data, ReplicaTrainingSettings settings, Progress progress) {
		return train(data, ReplicaWeights.glorotUniform(shape, data.replicas(), settings.seed()), settings, progress);
	}

	@Override
	public ReplicaTrainingReport train(ReplicaData data, ReplicaWeights initial, ReplicaTrainingSettings settings, Progress progress) {
		checkFits(data, initial);
		long start = System.nanoTime();
		progress.log("Training " + data.replicas() + (data.replicas() == 1 ? " replica" : " replicas together") + " on " + device + ".");
		String note = device.gpu() ? null : ThreadPoolSetting.sharedPoolNoteOnce(System.getenv());
		if (note != null) progress.log(note);
		ReplicaTrainingLoop.Outcome outcome;
		try (ReplicaTrainingGraph graph = new ReplicaTrainingGraph(data, initial, settings.learningRate(), device, threads)) {
			outcome = ReplicaTrainingLoop.run(graph, settings, progress);
		}
		setWeights(outcome.best());
		return new ReplicaTrainingReport(outcome.replicas(), device, (System.nanoTime() - start) / 1e9);
	}

	@Override
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

	@Override
	public float[][] predict(float[][] points) {
		checkPoints(points);
		if (points.length == 0) return new float[requireWeights().replicas()][0];
		return predictor().predict(points);
	}

	@Override
	public ReplicaWeights weights() {
		return requireWeights();
	}

	@Override
	public void setWeights(ReplicaWeights newWeights) {
		Objects.requireNonNull(newWeights, "weights");
		if (!newWeights.shape().equals(shape)) throw new BadInputException("The weights are for networks of shape " + newWeights.shape() +
			", this trainer's are " + shape + ".");
		closePredictor();
		weights = newWeights;
	}

	@Override
	public void exportSavedModel(Path dir) throws IOException {
		requireWeights();
		predictor().export(dir);
	}

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
