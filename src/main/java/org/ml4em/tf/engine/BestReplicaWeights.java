package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaWeights;

/**
 * Early-stopping memory of an ensemble: per replica the lowest validation χ² seen at a check,
 * its epoch, and the weights of that check. Replicas are judged separately, so each keeps its own
 * best weights even though all are trained together. Not thread-safe.
 */
final class BestReplicaWeights {

	private final ReplicaWeights weights;
	private final float[] validationChi2;
	private final float[] trainingChi2;
	private final int[] epoch;
	/** Replicas that improved at the last check, whose training χ² there is not known yet. */
	private final boolean[] awaitingTrainingChi2;

	/**
	 * Starts from the check before the first step (epoch 0), so every replica has weights to keep;
	 * without its training χ², those must follow through {@link #trainingChi2AtLastCheck}.
	 */
	BestReplicaWeights(ReplicaTrainingGraph.Evaluation initial) {
		weights = initial.weights().copy();
		validationChi2 = initial.validationChi2().clone();
		int replicas = validationChi2.length;
		trainingChi2 = initial.trainingChi2() != null ? initial.trainingChi2().clone() : new float[replicas];
		epoch = new int[replicas];
		awaitingTrainingChi2 = new boolean[replicas];
		java.util.Arrays.fill(awaitingTrainingChi2, initial.trainingChi2() == null);
	}

	/**
	 * Keeps the weights of every replica whose validation χ² fell below its best.
	 *
	 * @param check the check; without training χ² ({@link ReplicaTrainingGraph#check()}), those of
	 *            the replicas that improved must follow through {@link #trainingChi2AtLastCheck}
	 *            before the next offer or report
	 * @return true if at least one replica improved
	 */
	boolean offer(int atEpoch, ReplicaTrainingGraph.Evaluation check) {
		boolean any = false;
		java.util.Arrays.fill(awaitingTrainingChi2, false);
		for (int r = 0; r < validationChi2.length; r++) {
			float v = check.validationChi2()[r];
			// NaN never improves; a NaN best (diverged from the start) is beaten by any number.
			boolean improved = v < validationChi2[r] || (Float.isNaN(validationChi2[r]) && !Float.isNaN(v));
			if (!improved) continue;
			validationChi2[r] = v;
			if (check.trainingChi2() != null) trainingChi2[r] = check.trainingChi2()[r];
			else awaitingTrainingChi2[r] = true;
			epoch[r] = atEpoch;
			weights.copyReplica(r, check.weights(), r);
			any = true;
		}
		return any;
	}

	/** Fills in the training χ² of the replicas that improved at the last check, from all replicas' χ² there. */
	void trainingChi2AtLastCheck(float[] training) {
		for (int r = 0; r < awaitingTrainingChi2.length; r++)
			if (awaitingTrainingChi2[r]) trainingChi2[r] = training[r];
		java.util.Arrays.fill(awaitingTrainingChi2, false);
	}

	/** A copy of the kept weights. */
	ReplicaWeights weights() {
		return weights.copy();
	}

	/** The median of the best validation χ², for status lines. */
	double medianValidationChi2() {
		float[] sorted = validationChi2.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** Per-replica report entries, with the last check's χ². */
	List<ReplicaTrainingReport.Replica> report(ReplicaTrainingGraph.Evaluation last, int epochsRun, boolean stoppedEarly) {
		List<ReplicaTrainingReport.Replica> replicas = new ArrayList<>();
		for (int r = 0; r < validationChi2.length; r++)
			replicas.add(new ReplicaTrainingReport.Replica(validationChi2[r], epoch[r], trainingChi2[r], last.trainingChi2()[r],
				last.validationChi2()[r], epochsRun, stoppedEarly));
		return replicas;
	}
}
