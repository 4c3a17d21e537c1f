package org.ml4em.ij;

import java.awt.GraphicsEnvironment;
import java.util.List;

import org.ml4em.commands.ResultTable;

import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

/** Turns the commands' {@link ResultTable}s into ImageJ 1.x results tables and shows them. */
final class ResultsTables {

	/** Enough digits for intensities in 0 … 1 as well as counts in the thousands. */
	private static final int PRECISION = 6;

	private ResultsTables() {}

	/** A new ImageJ table with the same columns and rows, without row numbers (so CSV has none). */
	static ResultsTable of(ResultTable table) {
		ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		rt.setPrecision(PRECISION);
		for (List<Object> row : table.rows()) {
			rt.incrementCounter();
			for (int c = 0; c < row.size(); c++) addCell(rt, table.header().get(c), row.get(c));
		}
		return rt;
	}

	private static void addCell(ResultsTable rt, String column, Object cell) {
		if (cell instanceof Number n) rt.addValue(column, n.doubleValue());
		else rt.addValue(column, String.valueOf(cell));
	}

	/**
	 * Shows the table in a window of that title. Headless, where ImageJ shows no tables, the table
	 * becomes the system "Results" table instead, so that a macro can still save it with
	 * {@code saveAs("Results", path)}.
	 */
	static void show(ResultsTable rt, String title) {
		if (GraphicsEnvironment.isHeadless()) {
			Analyzer.setResultsTable(rt);
			rt.setPrecision(PRECISION); // setResultsTable imposes the Set Measurements precision
		}
		else rt.show(title);
	}
}
