package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

	@TempDir
	Path dir;

	private List<Path> files() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	@Test
	void writesNewFile() throws IOException {
		Path file = dir.resolve("a.txt");
		AtomicFileWriter.write(file, "text", false, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
		assertEquals("hello", Files.readString(file));
		assertEquals(List.of(file), files());
	}

	@Test
	void newFilesGetTheUsualPermissionsNotThoseOfATempFile() throws IOException {
		Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX only");
		Path reference = Files.createFile(dir.resolve("reference.txt")); // default permissions under this umask
		Path file = dir.resolve("a.txt");
		AtomicFileWriter.write(file, "text", false, out -> out.write('x'));
		assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
	}

	@Test
	void failedWriteKeepsTheOldFileAndNamesTheTarget() throws IOException {
		Path file = dir.resolve("a.txt");
		Files.writeString(file, "old");
		IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.write(file, "text", true, out -> {
			out.write(new byte[100_000]); // past the buffer, so a partial temp file really exists
			throw new IOException("disk full");
		}));
		assertTrue(e.getMessage().contains("a.txt") && e.getMessage().contains("disk full")
			&& e.getMessage().contains("left unchanged"), e.getMessage());
		assertEquals("old", Files.readString(file));
		assertEquals(List.of(file), files());
	}

	@Test
	void refusesMissingFoldersAndFolderTargets() throws IOException {
		IOException e = assertThrows(IOException.class,
			() -> AtomicFileWriter.write(dir.resolve("no/such/a.txt"), "text", true, out -> {}));
		assertTrue(e.getMessage().contains("folder does not exist"), e.getMessage());
		Files.createDirectory(dir.resolve("sub"));
		e = assertThrows(IOException.class, () -> AtomicFileWriter.write(dir.resolve("sub"), "text", true, out -> {}));
		assertTrue(e.getMessage().contains("a folder of that name exists"), e.getMessage());
	}

	@Test
	void resolvesRelativePaths() throws IOException {
		Path file = dir.resolve("x").resolve("..").resolve("rel.txt");
		AtomicFileWriter.write(file, "text", false, out -> out.write('1'));
		assertEquals("1", Files.readString(dir.resolve("rel.txt")));
	}

	@Test
	void channelVariantWritesWherePositionedAndFailsAtomically() throws IOException {
		Path file = dir.resolve("c.bin");
		AtomicFileWriter.writeChannel(file, "binary", false, channel -> {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { 1, 2 }), 10); // bytes 0..9 are never written
		});
		byte[] bytes = Files.readAllBytes(file);
		assertEquals(12, bytes.length);
		assertEquals(0, bytes[9]);
		assertEquals(2, bytes[11]);
		IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.writeChannel(file, "binary", true, channel -> {
			channel.write(java.nio.ByteBuffer.wrap(new byte[100_000]), 0);
			throw new IOException("disk full");
		}));
		assertTrue(e.getMessage().contains("c.bin") && e.getMessage().contains("disk full"), e.getMessage());
		assertEquals(12, Files.size(file));
		assertEquals(List.of(file), files());
	}
}
