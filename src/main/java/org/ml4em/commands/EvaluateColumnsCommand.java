package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.columns.ClassScore;
import org.ml4em.columns.ColumnMatching;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Evaluate Columns}: precision, recall, F1 and RMS position error (pm) of a
 * column table against a ground-truth table, over all columns and per class ({@link ColumnMatching}).
 * <p>
 * Headless: {@code ./ml4em --headless --run "Evaluate Columns" "columns='found.csv',truth='sim.csv',pixel_size=0.1,output='scores.csv'"}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Evaluate Columns", label = "Evaluate Columns", headless = true,
	description = "Precision, recall, F1 and RMS position error of found atomic columns against a ground-truth table, per class.")
public class EvaluateColumnsCommand extends Ml4emCommand {

	@Parameter(label = "Found columns (CSV)", persist = false, description = "x, y in pixels, and class (else all are atoms), e.g. from Find Atomic Columns")
	private File columns;

	@Parameter(label = "Ground truth (CSV)", persist = false, description = "x, y in pixels and class, e.g. from Simulate Atomic Image")
	private File truth;

	@Parameter(label = "Match tolerance (Å)", persist = false)
	private double tolerance = 0.5;

	@Parameter(label = "Pixel size (Å, 0: from x_angstrom)", persist = false, description = "0 takes it from the found table's x_angstrom column")
	private double pixel_size = 0;

	@Parameter(label = "Scores", type = ItemIO.OUTPUT)
	private ResultTable scores;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (columns == null || truth == null) throw new BadInputException("Evaluate Columns needs columns='<found.csv>' and truth='<truth.csv>'.");
		ColumnTableFile found = ColumnTableFile.read(columns.toPath(), "columns"), known = ColumnTableFile.read(truth.toPath(), "truth");
		double size = pixel_size > 0 ? pixel_size : found.pixelSize();
		if (!(size > 0))
			throw new BadInputException("The pixel size is not known: give pixel_size (Å per pixel), or a columns table with x_angstrom.");
		if (!(tolerance > 0)) throw new BadInputException("tolerance=" + tolerance + " Å; expected a positive distance.");
		List<ClassScore> result = ColumnMatching.score(known.points(), found.points(), tolerance / size);
		List<List<Object>> rows = new ArrayList<>();
		for (ClassScore s : result)
			rows.add(List.of(s.label(), s.truth(), s.found(), s.matched(), s.precision(), s.recall(), s.f1(), s.rmsError() * size * 100));
		scores = new ResultTable("Column scores", List.of("class", "truth", "found", "matched", "precision", "recall", "f1", "rms_pm"), rows);
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Evaluate Columns, tolerance %.3g Å (%.3g pixels of %.3g Å):", tolerance,
			tolerance / size, size));
		for (ClassScore s : result)
			text.append(String.format(Locale.ROOT, " %s F1 %.3f (precision %.3f, recall %.3f, %d of %d found), RMS %.1f pm;", s.label(), s.f1(), s.precision(),
				s.recall(), s.matched(), s.truth(), s.rmsError() * size * 100));
		summary = text.substring(0, text.length() - 1) + ".";
		return summary;
	}

	// -- Outputs --

	/** One row per class, "all" first: class, truth, found, matched, precision, recall, f1, rms_pm. */
	public ResultTable getScores() {
		return scores;
	}

	/** One line per class with F1, precision, recall and RMS error. */
	public String getSummary() {
		return summary;
	}
}
