import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ml4em.columns.ClassScore;
import org.ml4em.columns.ColumnFinder;
import org.ml4em.columns.ColumnFinderEvaluation;
import org.ml4em.columns.ColumnFinderTrainer;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.TestImageSets;
import org.ml4em.commands.ColumnModelFolder;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/**
 * The shipped column finder's accuracy on fresh simulated images (test seeds, never trained on),
 * against the LoG baseline on the same images, at 0.5 Å tolerance (run with Java's single-file
 * launcher, see columns_accuracy.sh). Arguments: images per set, image size, model folder (optional).
 */
public class ColumnAccuracyBench {

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]), size = Integer.parseInt(args[1]);
		Path dir = args.length > 2 && !args[2].isEmpty() ? Path.of(args[2]) : ColumnModelFolder.extractShipped();
		double tol = ColumnFinderTrainer.TOLERANCE_ANGSTROM;
		try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.AUTO))) {
			ColumnFinder finder = new ColumnFinder(ColumnModelFolder.read(dir, runner), 0.5, ColumnFinder.DEFAULT_TILE_SIZE);
			var cnn = ColumnFinderEvaluation.finder(finder);
			var log = ColumnFinderEvaluation.logBaseline(0.3);
			System.out.printf("%d images of %d x %d px per set, tolerance %.1f Å, %s%n", n, size, size, tol, runner.device());
			System.out.println("set dose_e_per_C_peak cnn_f1 cnn_precision cnn_recall cnn_rms_pm log_f1 log_rms_pm f1_atom f1_vacancy f1_dopant");
			for (double dose : new double[] { 0.5, 1, 2, 5, 20, 100 })
				line("any_lattice", dose, TestImageSets.anyLattice(n, size, dose, 1), cnn, log, tol);
			for (double dose : new double[] { 0.5, 1, 2 })
				line("graphene", dose, TestImageSets.graphene(n, size, dose, 2), cnn, log, tol);
			for (double dose : new double[] { 5, 20 })
				line("defect_rich", dose, TestImageSets.defectRich(n, size, dose, 3), cnn, log, tol);
		}
	}

	private static void line(String set, double dose, List<AtomicImageSettings> images, java.util.function.Function<org.ml4em.columns.sim.SimulatedAtomicImage,
		List<org.ml4em.columns.DetectedColumn>> cnn, java.util.function.Function<org.ml4em.columns.sim.SimulatedAtomicImage, List<org.ml4em.columns.DetectedColumn>> log,
		double tol) {
		ColumnFinderEvaluation.Result c = ColumnFinderEvaluation.evaluate(cnn, images, tol), l = ColumnFinderEvaluation.evaluate(log, images, tol);
		ClassScore cc = c.columns();
		System.out.printf(Locale.ROOT, "%s %.1f %.4f %.4f %.4f %.1f %.4f %.1f %.3f %.3f %.3f%n", set, dose, cc.f1(), cc.precision(), cc.recall(), c.rmsErrorPm(),
			l.columns().f1(), l.rmsErrorPm(), c.of("atom").f1(), c.of("vacancy").f1(), c.of("dopant").f1());
	}
}
