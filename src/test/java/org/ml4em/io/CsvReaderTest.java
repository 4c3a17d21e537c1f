package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsBackWhatTheWriterWrites() throws IOException {
		Path file = dir.resolve("t.csv");
		List<List<?>> rows = List.of(List.of(1.5, "a,b", "say \"hi\""), List.of(-2, "line\nbreak", ""));
		CsvWriter.write(file, List.of("x", "name", "note"), rows, false);
		CsvReader.Table t = CsvReader.read(file);
		assertEquals(List.of("x", "name", "note"), t.header());
		assertEquals(List.of(List.of("1.5", "a,b", "say \"hi\""), List.of("-2", "line\nbreak", "")), t.rows());
		assertEquals(1, t.column("NAME"));
		assertEquals(-1, t.column("y"));
	}

	@Test
	void acceptsSpreadsheetExports() throws IOException {
		Path file = dir.resolve("excel.csv");
		Files.writeString(file, "\uFEFFx, y ,class\r\n1,2,atom\r\n\r\n3,4,vacancy\r\n", StandardCharsets.UTF_8);
		CsvReader.Table t = CsvReader.read(file);
		assertEquals(List.of("x", "y", "class"), t.header());
		assertEquals(2, t.rows().size());
		assertEquals("vacancy", t.rows().get(1).get(2));
	}

	@Test
	void refusesBrokenFilesInOneSentenceNamingTheFile() throws IOException {
		Path ragged = dir.resolve("ragged.csv"), open = dir.resolve("open.csv"), empty = dir.resolve("empty.csv"), binary = dir.resolve("b.csv");
		Files.writeString(ragged, "x,y\n1,2\n3\n");
		Files.writeString(open, "x,y\n1,\"2\n");
		Files.writeString(empty, "\n\n");
		Files.write(binary, new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 });
		for (Path p : List.of(ragged, open, empty, binary, dir.resolve("missing.csv"))) {
			String m = assertThrows(IOException.class, () -> CsvReader.read(p)).getMessage();
			assertTrue(m.contains(p.toString()) && m.endsWith("."), m);
		}
		assertTrue(assertThrows(IOException.class, () -> CsvReader.read(ragged)).getMessage().contains("row 2 has 1 fields but the header has 2"));
	}
}
