package org.ml4em.eels;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.tf.ReplicaData;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaTrainingSettings;
import org.ml4em.tf.ReplicaWeights;

/**
 * Trains again, from fresh random weights, the replicas whose fit failed. With sigmoid features of
 * inputs in [0.1, 0.9] a replica can start with every ReLU unit off for every point; it then
 * only ever fits a constant and its χ² stays far above the others'. That is a failure of the
 * optimisation, not of the replica's data, so the same data are fitted again from another start;
 * a retry replaces a replica only when it fits its validation data better. Replicas still failing
 * after the last retry are rejected by {@link ZlpEnsemble#keep} and counted.
 */
final class StalledReplicaRetry {

	private StalledReplicaRetry() {}

	/** The ensemble after retries: weights, report, and how many replicas were trained again. */
	record Outcome(ReplicaWeights weights, ReplicaTrainingReport report, int retried) {}

	static Outcome run(ReplicaEnsembleTrainer trainer, ZlpTrainingSet set, ReplicaTrainingReport first, ReplicaTrainingSettings training,
		int retries, Progress progress)
	{
		ReplicaWeights weights = trainer.weights();
		List<ReplicaTrainingReport.Replica> replicas = new ArrayList<>(first.replicas());
		double seconds = first.seconds();
		int retried = 0;
		for (int attempt = 1; attempt <= retries; attempt++) {
			int[] redo = failed(replicas);
			if (redo.length == 0)
				break;
			progress.status("ZLP: training " + redo.length + " stalled replicas again (attempt " + attempt + " of " + retries + ")");
			retried += redo.length;
			ReplicaWeights fresh = ReplicaWeights.glorotUniform(weights.shape(), redo.length, training.seed() + 1_000_003L * attempt);
			ReplicaTrainingReport again = trainer.train(subset(set, redo), fresh, training,
				new ProgressRange(progress, (attempt - 1.0) / retries, (double) attempt / retries));
			seconds += again.seconds();
			List<ReplicaWeights> parts = new ArrayList<>();
			for (int r = 0, j = 0; r < replicas.size(); r++) {
				boolean better = j < redo.length && redo[j] == r && again.replicas().get(j).bestValidationChi2() < replicas.get(r).bestValidationChi2();
				parts.add(better ? trainer.weights().replica(j) : weights.replica(r));
				if (better)
					replicas.set(r, again.replicas().get(j));
				if (j < redo.length && redo[j] == r)
					j++;
			}
			weights = ReplicaWeights.stack(parts);
		}
		trainer.setWeights(weights);
		return new Outcome(weights, new ReplicaTrainingReport(replicas, first.device(), seconds), retried);
	}

	private static int[] failed(List<ReplicaTrainingReport.Replica> replicas) {
		double[] chi2 = replicas.stream().mapToDouble(ReplicaTrainingReport.Replica::bestValidationChi2).toArray();
		boolean[] kept = ZlpEnsemble.keep(chi2);
		int n = chi2.length - ZlpEnsemble.count(kept);
		int[] redo = new int[n];
		for (int r = 0, i = 0; r < kept.length; r++)
			if (!kept[r])
				redo[i++] = r;
		return redo;
	}

	private static ReplicaData subset(ZlpTrainingSet set, int[] which) {
		int n = which.length;
		float[][][] x = new float[n][][];
		float[][] y = new float[n][], sigma = new float[n][], train = new float[n][], validation = new float[n][];
		for (int i = 0; i < n; i++) {
			x[i] = set.x()[which[i]];
			y[i] = set.y()[which[i]];
			sigma[i] = set.sigma()[which[i]];
			train[i] = set.trainWeight()[which[i]];
			validation[i] = set.validationWeight()[which[i]];
		}
		return new ReplicaData(x, y, sigma, train, validation);
	}
}
