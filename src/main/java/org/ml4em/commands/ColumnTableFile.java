package org.ml4em.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ml4em.BadInputException;
import org.ml4em.columns.ColumnPoint;
import org.ml4em.io.CsvReader;

/**
 * A column table read from CSV: the {@code x} and {@code y} columns (pixels) and, when present,
 * {@code class} (else every column is an "atom") and {@code x_angstrom} (which gives the pixel size).
 *
 * @param points the columns
 * @param pixelSize Å per pixel from {@code x_angstrom / x}, or NaN when the table does not say
 */
record ColumnTableFile(List<ColumnPoint> points, double pixelSize) {

	/**
	 * Reads a table.
	 *
	 * @param file the CSV file
	 * @param role what the table is, for messages ("columns", "truth")
	 * @throws IOException when the file cannot be read as CSV
	 * @throws BadInputException when x or y is missing or not a number
	 */
	static ColumnTableFile read(Path file, String role) throws IOException {
		CsvReader.Table t = CsvReader.read(file);
		int x = t.column("x"), y = t.column("y"), c = t.column("class"), xa = t.column("x_angstrom");
		if (x < 0 || y < 0)
			throw new BadInputException(role + "='" + file + "' has no x and y columns (pixels); its columns are " + String.join(", ", t.header()) + ".");
		List<ColumnPoint> points = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int r = 0; r < t.rows().size(); r++) {
			List<String> row = t.rows().get(r);
			double px = number(row.get(x), file, role, r, "x"), py = number(row.get(y), file, role, r, "y");
			points.add(new ColumnPoint(px, py, c < 0 || row.get(c).isBlank() ? "atom" : row.get(c).trim()));
			if (xa >= 0 && Math.abs(px) > 1) ratios.add(number(row.get(xa), file, role, r, "x_angstrom") / px);
		}
		double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new ColumnTableFile(List.copyOf(points), sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2]);
	}

	private static double number(String field, Path file, String role, int row, String column) {
		try {
			double v = Double.parseDouble(field.trim());
			if (Double.isFinite(v)) return v;
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new BadInputException(role + "='" + file + "', row " + (row + 1) + ": " + column + " is '" + field + "', not a finite number.");
	}
}
