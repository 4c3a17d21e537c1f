package org.ml4em.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * Writes tables as RFC 4180 CSV: UTF-8 without byte-order mark, fields separated by commas,
 * lines ended by {@code \n}, and a field quoted (with inner quotes doubled) only when it holds a
 * comma, a quote or a line break.
 * <pre>{@code
 * CsvWriter.write(Path.of("columns.csv"), List.of("x_nm", "y_nm", "class"),
 *     List.of(List.of(1.25, 3.5, "Sr"), List.of(2.0, 7.125, "Ti")), false);
 * }</pre>
 * Values: {@code null} is an empty field; {@link Double} and {@link Float} use
 * {@code Double.toString} / {@code Float.toString}, which give the shortest text that reads back
 * to the same value ("0.1", "1.0E-5", "NaN", "Infinity"); integer types and {@link BigDecimal}
 * are written plainly ("42", "1234.5000"); anything else by {@code toString()}. The file
 * appears atomically: a failed write leaves no partial file behind and the old file, if any,
 * unchanged. Stateless and thread-safe.
 */
public final class CsvWriter {

	private CsvWriter() {}

	/**
	 * Writes a header line (unless {@code header} is empty) and one line per row.
	 *
	 * @param file the CSV file to create or replace; its folder must exist
	 * @param header the column names; when not empty, every row must have as many values
	 * @param rows the rows, each a list of values
	 * @param overwrite whether an existing file may be replaced
	 * @throws BadInputException when a row's length differs from the header's
	 * @throws IOException when the file exists and {@code overwrite} is false, or writing fails;
	 *         the message names the file
	 */
	public static void write(Path file, List<String> header, List<? extends List<?>> rows, boolean overwrite)
		throws IOException
	{
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(header, "header");
		Objects.requireNonNull(rows, "rows");
		checkRows(file, header, rows);
		AtomicFileWriter.write(file, "CSV", overwrite, out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			if (!header.isEmpty()) writeLine(writer, header);
			for (List<?> row : rows) writeLine(writer, row);
			writer.flush();
		});
	}

	private static void checkRows(Path file, List<String> header, List<? extends List<?>> rows) {
		for (int i = 0; i < rows.size(); i++) {
			List<?> row = rows.get(i);
			if (row == null || !header.isEmpty() && row.size() != header.size()) {
				throw new BadInputException("Cannot write CSV file '" + file + "': row " + (i + 1) + " has "
					+ (row == null ? "no list" : row.size() + " values") + " but the header has " + header.size()
					+ " columns; every row must match the header.");
			}
		}
	}

	private static void writeLine(Writer writer, List<?> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) writer.write(',');
			writer.write(field(values.get(i)));
		}
		writer.write('\n');
	}

	/** The CSV text of one value, quoted when needed. */
	static String field(Object value) {
		return quote(format(value));
	}

	/** The unquoted text of one value. */
	static String format(Object value) {
		if (value == null) return "";
		if (value instanceof Double d) return Double.toString(d);
		// Widening a float to double would print digits the float never had (0.1f -> 0.10000000149011612).
		if (value instanceof Float f) return Float.toString(f);
		if (value instanceof BigDecimal b) return b.toPlainString();
		return value.toString();
	}

	/** RFC 4180: quote a field holding a separator, a quote or a line break; double inner quotes. */
	static String quote(String text) {
		boolean needs = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
			|| text.indexOf('\r') >= 0;
		return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}
}
