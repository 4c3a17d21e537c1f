package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;

class CsvWriterTest {

	@TempDir
	Path dir;

	private List<Path> files() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	@Test
	void writesHeaderAndRowsWithNewlines() throws IOException {
		Path file = dir.resolve("t.csv");
		CsvWriter.write(file, List.of("x", "y", "class"), List.of(List.of(1, 2.5, "Sr"), List.of(3L, -0.125, "Ti")), false);
		assertEquals("x,y,class\n1,2.5,Sr\n3,-0.125,Ti\n", Files.readString(file));
	}

	@Test
	void quotesOnlyWhatRfc4180Requires() {
		assertEquals("plain text", CsvWriter.field("plain text"));
		assertEquals("\"a,b\"", CsvWriter.field("a,b"));
		assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
		assertEquals("\"two\nlines\"", CsvWriter.field("two\nlines"));
		assertEquals("\"cr\r\"", CsvWriter.field("cr\r"));
		assertEquals("", CsvWriter.field(null));
	}

	@Test
	void formatsNumbersAtFullPrecision() {
		assertEquals("42", CsvWriter.field(42));
		assertEquals("12345678901234", CsvWriter.field(12345678901234L));
		assertEquals("0.1", CsvWriter.field(0.1));
		assertEquals("3.0", CsvWriter.field(3.0));
		assertEquals("0.30000000000000004", CsvWriter.field(0.1 + 0.2));
		assertEquals("1.0E-5", CsvWriter.field(1e-5));
		assertEquals("0.1", CsvWriter.field(0.1f));
		assertEquals("NaN", CsvWriter.field(Double.NaN));
		assertEquals("-Infinity", CsvWriter.field(Double.NEGATIVE_INFINITY));
		assertEquals("1234.5000", CsvWriter.field(new BigDecimal("1234.5000")));
		assertEquals("1E+3", new BigDecimal("1E+3").toString()); // why BigDecimal uses toPlainString
		assertEquals("1000", CsvWriter.field(new BigDecimal("1E+3")));
		for (double d : new double[] { Math.PI, 1e300, -2.2250738585072014E-308, 1.0 / 3 }) {
			assertEquals(d, Double.parseDouble(CsvWriter.field(d)));
		}
	}

	@Test
	void writesUtf8WithoutHeaderWhenTheHeaderIsEmpty() throws IOException {
		Path file = dir.resolve("u.csv");
		CsvWriter.write(file, List.of(), List.of(List.of("\u00B5m", 1), List.of("\u00C5", 2, "extra")), false);
		assertEquals("\u00B5m,1\n\u00C5,2,extra\n", Files.readString(file, StandardCharsets.UTF_8));
	}

	@Test
	void rejectsRowsThatDoNotMatchTheHeaderBeforeWriting() throws IOException {
		Path file = dir.resolve("r.csv");
		BadInputException e = assertThrows(BadInputException.class,
			() -> CsvWriter.write(file, List.of("a", "b"), List.of(List.of(1, 2), List.of(3)), false));
		assertTrue(e.getMessage().contains("row 2 has 1 values but the header has 2 columns"), e.getMessage());
		assertEquals(List.of(), files());
	}

	@Test
	void refusesToOverwriteUnlessAllowed() throws IOException {
		Path file = dir.resolve("keep.csv");
		Files.writeString(file, "old");
		IOException e = assertThrows(IOException.class,
			() -> CsvWriter.write(file, List.of("a"), List.of(List.of(1)), false));
		assertTrue(e.getMessage().contains("keep.csv") && e.getMessage().contains("already exists"), e.getMessage());
		assertEquals("old", Files.readString(file));
		CsvWriter.write(file, List.of("a"), List.of(List.of(1)), true);
		assertEquals("a\n1\n", Files.readString(file));
		assertEquals(List.of(file), files());
	}

	@Test
	void leavesNoTemporaryFileAndTheOldFileWhenWritingFails() throws IOException {
		Path file = dir.resolve("fail.csv");
		Files.writeString(file, "old");
		Object broken = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("broken value");
			}
		};
		List<List<Object>> rows = Arrays.asList(List.of(1), List.of(broken));
		assertThrows(IllegalStateException.class, () -> CsvWriter.write(file, List.of("a"), rows, true));
		assertEquals("old", Files.readString(file));
		assertEquals(List.of(file), files());
		assertFalse(Files.exists(dir.resolve("other.csv")));
	}
}
