package org.ml4em.tf;

import java.util.ArrayList;
import java.util.List;

/**
 * What training an ensemble did, replica by replica, and where it ran.
 *
 * @param replicas one entry per replica, in order
 * @param device the device that ran the training
 * @param seconds wall-clock time of the training, graph building included
 */
public record ReplicaTrainingReport(List<ReplicaTrainingReport.Replica> replicas, ComputeDevice device, double seconds) {

	/**
	 * One replica's training. χ² values are per weighted point (see {@link ReplicaData}).
	 *
	 * @param bestValidationChi2 lowest validation χ² seen at a check; the kept weights are those of that check
	 * @param bestEpoch epoch of that check (0: the initial weights were never beaten)
	 * @param trainingChi2AtBest training χ² of the kept weights
	 * @param finalTrainingChi2 training χ² at the last check
	 * @param finalValidationChi2 validation χ² at the last check
	 * @param epochsRun epochs (full-batch steps) this replica was trained for
	 * @param stoppedEarly true when training stopped for lack of improvement before the epoch limit
	 */
	public record Replica(double bestValidationChi2, int bestEpoch, double trainingChi2AtBest, double finalTrainingChi2,
		double finalValidationChi2, int epochsRun, boolean stoppedEarly) {}

	/** Copies the list. */
	public ReplicaTrainingReport {
		replicas = List.copyOf(replicas);
	}

	/** The best validation χ² of every replica, in order. */
	public double[] bestValidationChi2() {
		return replicas.stream().mapToDouble(Replica::bestValidationChi2).toArray();
	}

	/** Total epochs over all replicas: the work done, for per-epoch timings. */
	public long totalReplicaEpochs() {
		return replicas.stream().mapToLong(Replica::epochsRun).sum();
	}

	/** Joins the reports of replicas trained one after another, adding their times. */
	public static ReplicaTrainingReport concatenate(List<ReplicaTrainingReport> parts, ComputeDevice device) {
		List<Replica> all = new ArrayList<>();
		double seconds = 0;
		for (ReplicaTrainingReport part : parts) {
			all.addAll(part.replicas);
			seconds += part.seconds;
		}
		return new ReplicaTrainingReport(all, device, seconds);
	}
}
