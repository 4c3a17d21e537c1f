package org.ml4em.eels;

import java.util.List;

import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaWeights;

/**
 * What {@link ZlpAnalysis} produces.
 *
 * @param cutoffs dE1 and dE2 of each class
 * @param scaling how inputs were scaled; needed to apply the model again
 * @param weights the kept (best-validation) weights of every replica
 * @param kept which replicas are used: they passed the outlier test ({@link ZlpEnsemble#keep}) and
 *            fitted their data ({@link ZlpEnsemble#fitted})
 * @param unfitted how many replicas did not fit their data within the epochs
 * @param training per-replica χ², epochs, the device that ran and the time taken (retries included)
 * @param retried how many replica trainings were repeated from fresh weights after a failed fit
 * @param classes one result per thickness class
 */
public record ZlpResult(ZlpCutoffs cutoffs, ZlpInputScaling scaling, ReplicaWeights weights, boolean[] kept, int unfitted,
	ReplicaTrainingReport training, int retried, List<ZlpClassResult> classes)
{

	/** {@return the number of replicas used} */
	public int keptCount() {
		return ZlpEnsemble.count(kept);
	}
}
