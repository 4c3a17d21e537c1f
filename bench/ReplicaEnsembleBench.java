import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.ml4em.Progress;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.MlpShape;
import org.ml4em.tf.MlpShape.Activation;
import org.ml4em.tf.ReplicaData;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.ReplicaTrainingReport;
import org.ml4em.tf.ReplicaTrainingSettings;

/**
 * Times ML4EM's replica-ensemble training of the ZLP network (2 inputs, 10-15-5 sigmoid, sigmoid,
 * ReLU, linear output) on synthetic zero-loss peaks, all replicas in one graph against one
 * network at a time (the reference implementation's way), for the same number of epochs and no
 * early stopping. Run with Java's single-file launcher, see replica_ensemble_timing.sh.
 * <p>
 * Arguments: points per replica, epochs, comma-separated replica counts for the ensemble,
 * replicas to train one at a time, threads, device (auto|cpu|gpu). Prints one line per run:
 * {@code ensemble|one_at_a_time R=<replicas> epochs=<e> seconds=<s> ms_per_epoch=<t> ms_per_replica_epoch=<t/R> device=<d>}
 * followed by the replicas' training χ² (median; replicas above ten times the median).
 * <p>
 * Also callable from other benchmarks: {@link #zlpLikeData} and {@link #time}.
 */
public class ReplicaEnsembleBench {

	/** The EELS zero-loss-peak network of SCIENCE.md section 2. */
	public static final MlpShape ZLP = MlpShape.of(2, new int[] { 10, 15, 5 }, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);

	public static void main(String[] args) {
		int points = Integer.parseInt(args[0]);
		int epochs = Integer.parseInt(args[1]);
		int[] counts = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
		int oneAtATime = Integer.parseInt(args[3]);
		int threads = Integer.parseInt(args[4]);
		DeviceChoice device = DeviceChoice.parse(args.length > 5 ? args[5] : "auto");
		// warm-up, not printed: loads TensorFlow and runs its first session
		time(zlpLikeData(2, points, 2), 20, false, device, threads);
		for (int replicas : counts)
			print("ensemble", time(zlpLikeData(replicas, points, 1), epochs, false, device, threads));
		if (oneAtATime > 0) print("one_at_a_time", time(zlpLikeData(oneAtATime, points, 1), epochs, true, device, threads));
	}

	/**
	 * Trains {@code data} for exactly {@code epochs} epochs (checks every 10, never stopping early).
	 *
	 * @param oneAtATime train one network per replica, one after another, instead of all together
	 */
	public static ReplicaTrainingReport time(ReplicaData data, int epochs, boolean oneAtATime, DeviceChoice device, int threads) {
		ReplicaTrainingSettings settings = ReplicaTrainingSettings.defaults().withMaxEpochs(epochs).withCheckEvery(10).withPatience(Integer.MAX_VALUE);
		try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(ZLP, device, threads)) {
			return oneAtATime ? trainer.trainOneAtATime(data, settings, Progress.NONE) : trainer.train(data, settings, Progress.NONE);
		}
	}

	/**
	 * Synthetic ln I of a zero-loss peak over ΔE in [−0.5, 1.5] eV: a Gaussian of FWHM 0.1 eV
	 * with Lorentzian tails, amplitude varying by replica, Poisson noise (σ of ln I = 1/√I), every
	 * fourth point for validation, inputs (ΔE, ln A) scaled to [0.1, 0.9].
	 */
	public static ReplicaData zlpLikeData(int replicas, int points, long seed) {
		Random random = new Random(seed);
		float[][][] x = new float[replicas][points][2];
		float[][] y = new float[replicas][points], sigma = new float[replicas][points];
		float[][] train = new float[replicas][points], validation = new float[replicas][points];
		for (int r = 0; r < replicas; r++) {
			double lnA = Math.log(1e4) + 2 * random.nextDouble();
			for (int n = 0; n < points; n++) {
				double e = -0.5 + 2.0 * n / (points - 1);
				double shape = Math.exp(-e * e / (2 * 0.0425 * 0.0425)) + 1e-3 / (1 + (e / 0.2) * (e / 0.2));
				double counts = Math.max(1, Math.exp(lnA) * shape);
				double s = 1 / Math.sqrt(counts);
				x[r][n][0] = (float) (0.1 + 0.8 * (e + 0.5) / 2.0);
				x[r][n][1] = (float) (0.1 + 0.8 * (lnA - Math.log(1e4)) / 2);
				y[r][n] = (float) (Math.log(counts) + s * random.nextGaussian());
				sigma[r][n] = (float) s;
				boolean isValidation = n % 4 == 3;
				train[r][n] = isValidation ? 0 : 1;
				validation[r][n] = isValidation ? 1 : 0;
			}
		}
		return new ReplicaData(x, y, sigma, train, validation);
	}

	private static void print(String mode, ReplicaTrainingReport report) {
		int replicas = report.replicas().size();
		int epochs = report.replicas().get(0).epochsRun();
		double perEpoch = 1e3 * report.seconds() / epochs;
		double[] chi2 = report.replicas().stream().mapToDouble(ReplicaTrainingReport.Replica::finalTrainingChi2).sorted().toArray();
		double median = chi2[chi2.length / 2];
		long high = Arrays.stream(chi2).filter(c -> c > 10 * median).count();
		System.out.printf(Locale.ROOT, "%s R=%d epochs=%d seconds=%.3f ms_per_epoch=%.4f ms_per_replica_epoch=%.5f device=%s chi2_median=%.4g above_10x_median=%d%n",
			mode, replicas, epochs, report.seconds(), perEpoch, perEpoch / replicas, report.device().description(), median, high);
	}
}
