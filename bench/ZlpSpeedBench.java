import java.util.List;

import org.ml4em.Progress;
import org.ml4em.eels.SyntheticLowLoss;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessMap;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.eels.ZlpAnalysis;
import org.ml4em.eels.ZlpCutoffs;
import org.ml4em.eels.ZlpSettings;
import org.ml4em.eels.ZlpTrainingSet;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaData;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaTrainingSettings;

/**
 * The issue's speed case: replicas of the ZLP network for a simulated 64 x 64 x 1024 low-loss
 * spectrum image in 3 thickness classes, trained all in one graph and one at a time (the reference
 * implementation's way), on the same data for the same number of epochs (no early stopping, so
 * both do the same work), after a warm-up that neither is charged with. One at a time runs on one
 * thread (its fastest) and, when more are given, on that many too. Prints seconds per replica for
 * each and the ratio to the fastest one-at-a-time run.
 * Usage: java -cp target/classes:target/lib/* bench/ZlpSpeedBench.java replicas epochs threads device
 */
public class ZlpSpeedBench {

	public static void main(String[] args) {
		int replicas = Integer.parseInt(args[0]), epochs = Integer.parseInt(args[1]), threads = Integer.parseInt(args[2]);
		DeviceChoice device = DeviceChoice.parse(args[3]);
		long start = System.nanoTime();
		ThicknessResult thickness = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(3).withThreads(threads))
			.run(SyntheticLowLoss.defaults().generate(ThicknessMap.stripes(64, 64, 0.3, 0.7, 1.2)), Progress.NONE);
		ZlpCutoffs cutoffs = ZlpCutoffs.of(thickness.clusterSpectra(), thickness.aligned().energyAxis(), Double.NaN, Double.NaN,
			ZlpSettings.MAX_DE1_SEARCH);
		ZlpTrainingSet set = ZlpTrainingSet.draw(thickness.aligned(), thickness.maps().totalIntensity(), thickness.clusters().labels(),
			thickness.clusterSpectra(), cutoffs, replicas, 42);
		ReplicaData data = new ReplicaData(set.x(), set.y(), set.sigma(), set.trainWeight(), set.validationWeight());
		System.out.printf("data: 64 x 64 x 1024 simulated, 3 classes, %d replicas x %d points, prepared in %.1f s%n", replicas, set.points(),
			(System.nanoTime() - start) / 1e9);
		// patience above the epoch count: every replica runs every epoch in both modes
		ReplicaTrainingSettings fixed = ReplicaTrainingSettings.defaults().withMaxEpochs(epochs).withCheckEvery(50).withPatience(epochs);
		// Loading TensorFlow's native library and its first session cost about 0.6 s once per
		// process; without this warm-up that would be charged to whichever mode ran first.
		long warmUp = System.nanoTime();
		try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(ZlpAnalysis.NETWORK, device, threads)) {
			trainer.train(data.replicas(0, 2), ReplicaTrainingSettings.defaults().withMaxEpochs(20).withCheckEvery(10), Progress.NONE);
		}
		System.out.printf("warm-up (TensorFlow loaded, first session, not counted in either mode): %.2f s%n", (System.nanoTime() - warmUp) / 1e9);
		try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(ZlpAnalysis.NETWORK, device, threads)) {
			print("one_graph", threads, trainer.train(data, fixed, Progress.NONE), replicas, epochs);
		}
		// The baseline in its best configuration first: a network this small trains fastest
		// alone on one thread, where every operation runs inline; a second thread only adds
		// hand-offs. With more threads it is printed for comparison.
		for (int baselineThreads : threads == 1 ? List.of(1) : List.of(1, threads)) {
			try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(ZlpAnalysis.NETWORK, device, baselineThreads)) {
				print("one_at_a_time", baselineThreads, trainer.trainOneAtATime(data, fixed, Progress.NONE), replicas, epochs);
			}
		}
	}

	private static void print(String mode, int threads, ReplicaTrainingReport r, int replicas, int epochs) {
		System.out.printf("%s threads=%d replicas=%d epochs=%d seconds=%.2f seconds_per_replica=%.4f device=%s%n", mode, threads, replicas, epochs,
			r.seconds(), r.seconds() / replicas, r.device().description().replace(' ', '_'));
	}
}
