package org.ml4em.commands;

import java.util.List;

/**
 * A results table as commands return it: column names and rows of Integer, Long, Double or
 * String cells. The launcher writes it as CSV; in Fiji it is shown as a results window.
 * (SciJava's own table type lives in scijava-table, which is not on Maven Central.)
 *
 * @param title window title, e.g. "Cluster statistics"
 * @param header column names
 * @param rows rows, each as long as the header
 */
public record ResultTable(String title, List<String> header, List<List<Object>> rows) {

	public ResultTable {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
		for (List<Object> row : rows)
			if (row.size() != header.size()) throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size() + " columns");
	}
}
