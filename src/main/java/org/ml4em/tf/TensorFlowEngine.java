package org.ml4em.tf;

import java.nio.file.Path;

/**
 * Everything of ML4EM that runs TensorFlow, behind one interface so that TensorFlow Java and the
 * code that calls it can live in their own class loader ({@link TensorFlow#engine()}). Only types
 * of this package, of the JDK and of the rest of ML4EM cross it, never a TensorFlow class.
 */
public interface TensorFlowEngine {

	/** The TensorFlow runtime version, e.g. "2.18.0"; loads the native library on first use. */
	String version();

	/** True when TensorFlow can run an operation on GPU 0. */
	boolean gpuUsable();

	/** See {@link SavedModelRunner#load(Path, ComputeDevice, int)}. */
	SavedModelRunner loadModel(Path dir, ComputeDevice device, int threads);

	/** See {@link ReplicaEnsembleTrainer#create}. */
	ReplicaEnsembleTrainer replicaEnsemble(MlpShape shape, DeviceChoice device, int threads);

	/** See {@link UNetTrainer#create}. */
	UNetTrainer unetTrainer(UNetShape shape, float learningRate, float[] positiveWeights, long seed, ComputeDevice device, int threads);

	/** See {@link InpaintingGanTrainer#create}. */
	InpaintingGanTrainer inpaintingTrainer(UNetShape shape, Path startModel, float adversarialWeight, long seed, ComputeDevice device, int threads);

	/** See {@link TfNearestCentroids#create}. */
	TfNearestCentroids nearestCentroids(float[] data, int n, int d, int k, ComputeDevice device, int threads);
}
