import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ml4em.Progress;
import org.ml4em.columns.ClassScore;
import org.ml4em.columns.ColumnFinder;
import org.ml4em.columns.ColumnFinderTrainer;
import org.ml4em.columns.ColumnMatching;
import org.ml4em.columns.ColumnPoint;
import org.ml4em.columns.DetectedColumn;
import org.ml4em.columns.LogDetector;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnClass;
import org.ml4em.columns.sim.Lattice;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.commands.ColumnModelFolder;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/**
 * Times Find Atomic Columns' two methods on one simulated image (run with Java's single-file
 * launcher, see columns_speed.sh): the CNN (normalisation, tiles, network, peaks) with the shipped
 * model, and the LoG baseline. Prints one line per run and the medians.
 * Arguments: size, runs, threads, tile size, device.
 */
public class ColumnFinderBench {

	public static void main(String[] args) throws Exception {
		int size = Integer.parseInt(args[0]), runs = Integer.parseInt(args[1]), threads = Integer.parseInt(args[2]);
		int tile = Integer.parseInt(args[3]) > 0 ? Integer.parseInt(args[3]) : ColumnFinder.DEFAULT_TILE_SIZE;
		DeviceChoice device = DeviceChoice.parse(args[4]);
		AtomicImageSettings s = AtomicImageSettings.defaults().withSize(size, size).withLattice(Lattice.MOS2, 17).withDose(20, 1).withSeed(77);
		SimulatedAtomicImage image = new AtomicImageSimulator(s).simulate();
		Path dir = ColumnModelFolder.extractShipped();
		try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(device), threads)) {
			ColumnFinder cnn = new ColumnFinder(ColumnModelFolder.read(dir, runner), 0.5, tile);
			LogDetector log = new LogDetector(s.probeFwhm() / s.pixelSize(), 0.3);
			System.out.printf("image %d x %d px (MoS2, %.2f Å/px), %d threads, tile %d, %s%n", size, size, s.pixelSize(), threads, tile, runner.device());
			cnn.find(image.pixels(), size, size, s.pixelSize(), Progress.NONE); // warm-up: graph optimisation, memory
			double[] cnnSeconds = new double[runs], logSeconds = new double[runs];
			List<DetectedColumn> cnnFound = null, logFound = null;
			for (int r = 0; r < runs; r++) {
				long t = System.nanoTime();
				cnnFound = cnn.find(image.pixels(), size, size, s.pixelSize(), Progress.NONE).columns();
				cnnSeconds[r] = (System.nanoTime() - t) / 1e9;
				t = System.nanoTime();
				logFound = log.detect(image.pixels(), size, size, Progress.NONE);
				logSeconds[r] = (System.nanoTime() - t) / 1e9;
				System.out.printf("run %d: cnn %.3f s, log %.3f s%n", r + 1, cnnSeconds[r], logSeconds[r]);
			}
			double c = median(cnnSeconds), l = median(logSeconds);
			System.out.printf("cnn_seconds=%.3f log_seconds=%.3f cnn_over_log=%.2f cnn_f1=%.4f log_f1=%.4f%n", c, l, c / l, f1(image, cnnFound, s),
				f1(image, logFound, s));
		}
	}

	private static double f1(SimulatedAtomicImage image, List<DetectedColumn> found, AtomicImageSettings s) {
		List<ColumnPoint> truth = ColumnFinderTrainer.truth(image).stream().filter(p -> !p.label().equals(ColumnClass.VACANCY.label()))
			.map(p -> new ColumnPoint(p.x(), p.y(), "atom")).toList();
		List<ColumnPoint> points = found.stream().filter(d -> !d.label().equals(ColumnClass.VACANCY.label())).map(d -> new ColumnPoint(d.x(), d.y(), "atom"))
			.toList();
		ClassScore all = ColumnMatching.score(truth, points, 0.5 / s.pixelSize()).get(0);
		return all.f1();
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}
}
