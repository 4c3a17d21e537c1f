package org.ml4em.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RFC 4180 CSV as {@link CsvWriter} writes it (and spreadsheets export it): UTF-8 (a
 * byte-order mark is skipped), a header line, comma-separated fields, quoted fields with doubled
 * inner quotes and line breaks, {@code \n} or {@code \r\n} line ends; blank lines are skipped.
 *
 * <pre>{@code
 * CsvReader.Table t = CsvReader.read(Path.of("columns.csv"));
 * int x = t.column("x"); // -1 when missing
 * for (List<String> row : t.rows()) Double.parseDouble(row.get(x));
 * }</pre>
 */
public final class CsvReader {

	private CsvReader() {}

	/**
	 * A table: its header and rows of fields, every row as long as the header.
	 *
	 * @param header column names, trimmed
	 * @param rows the rows' fields
	 */
	public record Table(List<String> header, List<List<String>> rows) {

		/** {@return the index of a column, matched ignoring case, or −1} @param name the column's name */
		public int column(String name) {
			for (int i = 0; i < header.size(); i++)
				if (header.get(i).equalsIgnoreCase(name)) return i;
			return -1;
		}
	}

	/**
	 * Reads a whole file.
	 *
	 * @param file the CSV file
	 * @return the table
	 * @throws IOException naming the file when it cannot be read, is not UTF-8 text, has no header,
	 *         has an unterminated quote, or a row whose length differs from the header's
	 */
	public static Table read(Path file) throws IOException {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException e) {
			throw new IOException("'" + file + "' is not a UTF-8 text file, so it cannot be read as CSV.", e);
		}
		catch (IOException e) {
			throw new IOException("'" + file + "' cannot be read: " + e.getMessage() + ".", e);
		}
		if (text.startsWith("\uFEFF")) text = text.substring(1);
		List<List<String>> lines = parse(text, file);
		if (lines.isEmpty()) throw new IOException("'" + file + "' is empty; a CSV file with a header line is expected.");
		List<String> header = lines.get(0).stream().map(String::trim).toList();
		List<List<String>> rows = lines.subList(1, lines.size());
		for (int i = 0; i < rows.size(); i++)
			if (rows.get(i).size() != header.size())
				throw new IOException(String.format(Locale.ROOT, "'%s': row %d has %d fields but the header has %d.", file, i + 1, rows.get(i).size(),
					header.size()));
		return new Table(header, List.copyOf(rows));
	}

	private static List<List<String>> parse(String text, Path file) throws IOException {
		List<List<String>> lines = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false, any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c != '"') field.append(c);
				else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else quoted = false;
			}
			else if (c == '"') {
				quoted = true;
				any = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
				endLine(lines, fields, field, any);
				fields = new ArrayList<>();
				any = false;
			}
			else {
				field.append(c);
				any |= !Character.isWhitespace(c);
			}
		}
		if (quoted) throw new IOException("'" + file + "' ends inside a quoted field; the CSV is cut off or malformed.");
		endLine(lines, fields, field, any);
		return lines;
	}

	private static void endLine(List<List<String>> lines, List<String> fields, StringBuilder field, boolean any) {
		if (any || !fields.isEmpty()) {
			fields.add(field.toString());
			lines.add(List.copyOf(fields));
		}
		field.setLength(0);
	}
}
