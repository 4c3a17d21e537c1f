import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ml4em.Progress;
import org.ml4em.eels.SyntheticLowLoss;
import org.ml4em.eels.SyntheticSpectrumImage;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessMap;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.eels.ZlpAnalysis;
import org.ml4em.eels.ZlpClassResult;
import org.ml4em.eels.ZlpResult;
import org.ml4em.eels.ZlpSettings;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingReport;

/**
 * The issue's whole-analysis case: a simulated size x size x 1024 low-loss spectrum image (three
 * thickness stripes, direct band gap of 3 eV) through the full EELS pipeline, thickness analysis
 * with clusters then the ZLP analysis with the given number of replicas and otherwise default
 * settings (early stopping, retries, band gaps). Prints wall and process CPU seconds per stage,
 * taken from the analysis' own status lines (a stage starts at each "ZLP: ..." line; the
 * "training N" stages are the first pass and the retries of stalled replicas), and PASS or FAIL of
 * the wall time against a time limit. On a machine shared with other work, CPU seconds / cores is
 * what the run would take alone.
 * Usage: java -cp target/classes:target/lib/* bench/ZlpFullAnalysisBench.java size replicas clusters threads device limit_seconds
 */
public class ZlpFullAnalysisBench {

	/** Times the stages: a stage starts at each status line beginning with "ZLP:" (its first two words name it). */
	static final class StageClock implements Progress {
		final Map<String, Double> seconds = new LinkedHashMap<>();
		final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
		long cpuSince = cpuNanos();
		String stage = "ZLP: setup";
		long since = System.nanoTime();

		@Override
		public void status(String message) {
			if (!message.startsWith("ZLP:")) return;
			String name = message.replaceAll("^(ZLP: \\S+( \\d+)?).*", "$1");
			if (!name.equals(stage)) switchTo(name);
		}

		void switchTo(String name) {
			long now = System.nanoTime();
			long cpu = cpuNanos();
			seconds.merge(stage, (now - since) / 1e9, Double::sum);
			cpuSeconds.merge(stage, (cpu - cpuSince) / 1e9, Double::sum);
			stage = name;
			since = now;
			cpuSince = cpu;
		}

		@Override
		public void fraction(double done) {}

		@Override
		public boolean isCanceled() {
			return false;
		}
	}

	/** CPU time of the whole process, TensorFlow's native threads included: unlike wall time, hardly changed by other load. */
	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	public static void main(String[] args) {
		int size = Integer.parseInt(args[0]), replicas = Integer.parseInt(args[1]), clusters = Integer.parseInt(args[2]);
		int threads = Integer.parseInt(args[3]);
		DeviceChoice device = DeviceChoice.parse(args[4]);
		double limit = Double.parseDouble(args[5]);
		SyntheticSpectrumImage image = SyntheticLowLoss.defaults().generate(ThicknessMap.stripes(size, size, 0.3, 0.7, 1.2));
		long start = System.nanoTime(), cpuStart = cpuNanos();
		ThicknessResult thickness = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(clusters).withThreads(threads))
			.run(image, Progress.NONE);
		double thicknessSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "stage thickness_analysis seconds=%.1f cpu_seconds=%.1f (%d x %d x %d, %d classes, includes simulating the spectra)%n", thicknessSeconds,
			(cpuNanos() - cpuStart) / 1e9,
			size, size, image.energyAxis().channels(), clusters);
		StageClock clock = new StageClock();
		long zlpStart = System.nanoTime();
		ZlpResult result = new ZlpAnalysis(ZlpSettings.defaults().withReplicas(replicas).withThreads(threads).withDevice(device)).run(thickness, clock);
		clock.switchTo("done");
		double zlpSeconds = (System.nanoTime() - zlpStart) / 1e9;
		clock.seconds.forEach((stage, s) -> System.out.printf(Locale.ROOT, "stage %s seconds=%.1f cpu_seconds=%.1f%n",
			stage.replace("ZLP: ", "zlp_").replace(' ', '_'), s, clock.cpuSeconds.get(stage)));
		ReplicaTrainingReport training = result.training();
		int maxEpochs = training.replicas().stream().mapToInt(ReplicaTrainingReport.Replica::epochsRun).max().orElse(0);
		double meanBest = training.replicas().stream().mapToInt(ReplicaTrainingReport.Replica::bestEpoch).average().orElse(0);
		System.out.printf(Locale.ROOT, "training: %d replicas, epochs run (first pass) up to %d, mean best epoch %.0f, retried %d, kept %d, device %s%n", replicas,
			maxEpochs, meanBest, result.retried(), result.keptCount(), training.device().description());
		int[] best = training.replicas().stream().mapToInt(ReplicaTrainingReport.Replica::bestEpoch).sorted().toArray();
		System.out.printf(Locale.ROOT, "best epoch deciles: %s%n", java.util.stream.IntStream.rangeClosed(0, 10)
			.mapToObj(d -> String.valueOf(best[Math.min(best.length - 1, d * best.length / 10)])).collect(java.util.stream.Collectors.joining(" ")));
		for (ZlpClassResult c : result.classes())
			System.out.printf(Locale.ROOT, "class %d: band gap %s%n", c.label(), c.hasBandGap()
				? String.format(Locale.ROOT, "%.2f eV (68%% %.2f-%.2f)", c.bandGap().median(), c.bandGap().p16(), c.bandGap().p84()) : c.bandGapProblem());
		double total = thicknessSeconds + zlpSeconds;
		System.out.printf(Locale.ROOT, "total seconds=%.1f cpu_seconds=%.1f zlp_seconds=%.1f replicas=%d kept=%d limit=%.0f %s%n", total, (cpuNanos() - cpuStart) / 1e9, zlpSeconds, replicas,
			result.keptCount(), limit, total <= limit ? "PASS" : "FAIL");
	}
}
