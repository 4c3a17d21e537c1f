package org.ml4em.tf.engine;

import java.nio.file.Path;

import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.InpaintingGanTrainer;
import org.ml4em.tf.MlpShape;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowEngine;
import org.ml4em.tf.TfNearestCentroids;
import org.ml4em.tf.UNetShape;
import org.ml4em.tf.UNetTrainer;

/**
 * The {@link TensorFlowEngine} on TensorFlow Java. {@link org.ml4em.tf.TensorFlow} creates it by
 * name in the class loader that holds TensorFlow, so nothing outside this package links to it.
 */
public final class TfEngine implements TensorFlowEngine {

	@Override
	public String version() {
		return org.tensorflow.TensorFlow.version();
	}

	@Override
	public boolean gpuUsable() {
		return GpuProbe.gpuUsable();
	}

	@Override
	public SavedModelRunner loadModel(Path dir, ComputeDevice device, int threads) {
		return TfSavedModelRunner.load(dir, device, threads);
	}

	@Override
	public ReplicaEnsembleTrainer replicaEnsemble(MlpShape shape, DeviceChoice device, int threads) {
		return new TfReplicaEnsembleTrainer(shape, device, threads);
	}

	@Override
	public UNetTrainer unetTrainer(UNetShape shape, float learningRate, float[] positiveWeights, long seed, ComputeDevice device, int threads) {
		return new TfUNetTrainer(shape, learningRate, positiveWeights, seed, device, threads);
	}

	@Override
	public InpaintingGanTrainer inpaintingTrainer(UNetShape shape, Path startModel, float adversarialWeight, long seed, ComputeDevice device,
		int threads) {
		return new TfInpaintingGanTrainer(shape, startModel, adversarialWeight, seed, device, threads);
	}

	@Override
	public TfNearestCentroids nearestCentroids(float[] data, int n, int d, int k, ComputeDevice device, int threads) {
		return new NearestCentroidsGraph(data, n, d, k, device, threads);
	}
}
