package org.ml4em.eels;

import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.ReplicaWeights;

/**
 * The replica ensemble of a finished {@link ZlpAnalysis} ready to predict again (e.g. per pixel),
 * from its kept weights. Close it when done. Not thread-safe.
 *
 * <pre>
 * try (TrainedZlpModel networks = TrainedZlpModel.of(result, DeviceChoice.CPU, 2)) {
 *     ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, thickness, progress);
 * }
 * </pre>
 */
public final class TrainedZlpModel implements ZlpPredictor, AutoCloseable {

	private final ReplicaEnsembleTrainer networks;

	private TrainedZlpModel(ReplicaEnsembleTrainer networks) {
		this.networks = networks;
	}

	/**
	 * @param result a finished analysis
	 * @param device where to predict
	 * @param threads CPU threads
	 * @return the ensemble
	 */
	public static TrainedZlpModel of(ZlpResult result, DeviceChoice device, int threads) {
		return of(result.weights(), device, threads);
	}

	/**
	 * @param weights every replica's weights, of {@link ZlpAnalysis#NETWORK}'s shape
	 * @param device where to predict
	 * @param threads CPU threads
	 * @return the ensemble
	 */
	public static TrainedZlpModel of(ReplicaWeights weights, DeviceChoice device, int threads) {
		ReplicaEnsembleTrainer t = ReplicaEnsembleTrainer.create(ZlpAnalysis.NETWORK, device, threads);
		t.setWeights(weights);
		return new TrainedZlpModel(t);
	}

	@Override
	public float[][] predict(float[][] points) {
		return networks.predict(points);
	}

	@Override
	public void close() {
		networks.close();
	}
}
