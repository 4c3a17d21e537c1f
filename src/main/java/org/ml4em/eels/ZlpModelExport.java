package org.ml4em.eels;

import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaEnsembleTrainer;

/**
 * Writes the replica ensemble of a {@link ZlpResult} as a TensorFlow SavedModel (tag {@code serve},
 * signature {@code serving_default}: input {@code [M, 2 + conditions]} = (ΔE, ln I_total, conditions…) scaled by
 * {@link ZlpResult#scaling()}, output {@code [R, M]} = ln I_ZLP of every replica), so that it can be
 * applied again without training. The scaling, cutoffs and kept replicas must be stored beside it.
 */
public final class ZlpModelExport {

	private ZlpModelExport() {}

	/**
	 * Exports the model.
	 *
	 * @param result a finished analysis
	 * @param dir a new or empty folder
	 * @throws IOException when writing fails
	 */
	public static void savedModel(ZlpResult result, Path dir) throws IOException {
		try (ReplicaEnsembleTrainer model = ReplicaEnsembleTrainer.create(result.weights().shape(), DeviceChoice.CPU, 1)) {
			model.setWeights(result.weights());
			model.exportSavedModel(dir);
		}
	}
}
