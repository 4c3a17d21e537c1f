package org.ml4em.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ml4em.Progress;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnClass;
import org.ml4em.columns.sim.SimulatedAtomicImage;

/**
 * Scores a column detector on simulated images, pooled over all of them (counts add up, so the F1
 * is that of all columns together): finding columns (sites that hold one — atoms and dopants —
 * against detections not called vacancy), and each class on its own, at a tolerance in Å.
 * The tests of the shipped model and {@code bench/columns_accuracy.sh} use it, for the CNN and for
 * the LoG baseline alike.
 */
public final class ColumnFinderEvaluation {

	/** The label of the column-finding score. */
	public static final String COLUMNS = "columns";

	/**
	 * Pooled scores.
	 *
	 * @param scores {@value #COLUMNS} first, then one per class seen
	 * @param rmsErrorPm RMS position error of the matched columns, pm
	 * @param images images scored
	 */
	public record Result(Map<String, ClassScore> scores, double rmsErrorPm, int images) {

		/** {@return the column-finding score} */
		public ClassScore columns() {
			return scores.get(COLUMNS);
		}

		/** {@return a class's score; an empty one when the class never occurred} */
		public ClassScore of(String label) {
			return scores.getOrDefault(label, new ClassScore(label, 0, 0, 0, Double.NaN));
		}
	}

	private ColumnFinderEvaluation() {}

	/**
	 * @param detector the columns it finds in a simulated image
	 * @param images the settings of the images (each simulated once)
	 * @param toleranceAngstrom largest distance of a match, Å
	 */
	public static Result evaluate(Function<SimulatedAtomicImage, List<DetectedColumn>> detector, List<AtomicImageSettings> images, double toleranceAngstrom) {
		PooledScores pooled = new PooledScores();
		for (AtomicImageSettings s : images) {
			SimulatedAtomicImage image = new AtomicImageSimulator(s).simulate();
			List<ColumnPoint> found = detector.apply(image).stream().map(DetectedColumn::point).toList(), truth = ColumnFinderTrainer.truth(image);
			double tolerance = toleranceAngstrom / s.pixelSize();
			ClassScore columns = ColumnMatching.score(sitesWithColumns(truth), sitesWithColumns(found), tolerance).get(0);
			pooled.add(COLUMNS, columns);
			pooled.addError(columns, s.pixelSize());
			for (ClassScore c : ColumnMatching.score(truth, found, tolerance))
				if (!c.label().equals(ColumnMatching.ALL)) pooled.add(c);
		}
		return new Result(pooled.all(), pooled.rmsErrorPm(), images.size());
	}

	/** {@return a detector running the LoG baseline with the image's true probe width} @param threshold its threshold */
	public static Function<SimulatedAtomicImage, List<DetectedColumn>> logBaseline(double threshold) {
		return image -> new LogDetector(image.settings().probeFwhm() / image.settings().pixelSize(), threshold).detect(image.pixels(), image.width(),
			image.height(), Progress.NONE);
	}

	/** {@return a detector running a finder at the image's pixel size} */
	public static Function<SimulatedAtomicImage, List<DetectedColumn>> finder(ColumnFinder finder) {
		return image -> finder.find(image.pixels(), image.width(), image.height(), image.settings().pixelSize(), Progress.NONE).columns();
	}

	private static List<ColumnPoint> sitesWithColumns(List<ColumnPoint> points) {
		List<ColumnPoint> out = new ArrayList<>();
		for (ColumnPoint p : points)
			if (!p.label().equals(ColumnClass.VACANCY.label())) out.add(new ColumnPoint(p.x(), p.y(), COLUMNS));
		return out;
	}
}
