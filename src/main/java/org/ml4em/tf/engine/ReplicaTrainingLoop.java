package org.ml4em.tf.engine;

import java.util.List;
import java.util.Locale;

import org.ml4em.Progress;
import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaTrainingSettings;
import org.ml4em.tf.ReplicaWeights;

/**
 * The epoch loop of one ensemble: steps, a check every {@code checkEvery} epochs, early stopping,
 * progress and cancellation.
 */
final class ReplicaTrainingLoop {

	/**
	 * What a finished loop leaves.
	 *
	 * @param best each replica's weights of its best validation check
	 * @param replicas per-replica report entries
	 */
	record Outcome(ReplicaWeights best, List<ReplicaTrainingReport.Replica> replicas) {}

	private ReplicaTrainingLoop() {}

	/**
	 * Trains until no replica improved for {@code patience} checks or {@code maxEpochs} are done.
	 *
	 * @throws java.util.concurrent.CancellationException when {@code progress} is canceled (checked at every check)
	 */
	static Outcome run(ReplicaTrainingGraph graph, ReplicaTrainingSettings settings, Progress progress) {
		progress.checkCanceled();
		ReplicaTrainingGraph.Evaluation check = graph.check();
		BestReplicaWeights best = new BestReplicaWeights(check);
		int epoch = 0;
		int checksWithoutGain = 0;
		while (epoch < settings.maxEpochs() && checksWithoutGain < settings.patience()) {
			int steps = Math.min(settings.checkEvery(), settings.maxEpochs() - epoch);
			// A check computes the validation χ² alone; the first step after it brings the
			// training χ² at the check (computed there before the update).
			best.trainingChi2AtLastCheck(graph.step());
			for (int i = 1; i < steps; i++)
				graph.step();
			epoch += steps;
			check = graph.check();
			checksWithoutGain = best.offer(epoch, check) ? 0 : checksWithoutGain + 1;
			report(progress, epoch, settings.maxEpochs(), best);
		}
		// One more step for the training χ² at the last check; its update is never used.
		float[] lastTraining = graph.step();
		best.trainingChi2AtLastCheck(lastTraining);
		boolean stoppedEarly = epoch < settings.maxEpochs();
		var last = new ReplicaTrainingGraph.Evaluation(lastTraining, check.validationChi2(), check.weights());
		return new Outcome(best.weights(), best.report(last, epoch, stoppedEarly));
	}

	private static void report(Progress progress, int epoch, int maxEpochs, BestReplicaWeights best) {
		progress.fraction((double) epoch / maxEpochs);
		progress.status(String.format(Locale.ROOT, "Epoch %d/%d: median best validation chi2 %.4g", epoch, maxEpochs, best.medianValidationChi2()));
		progress.checkCanceled();
	}
}
