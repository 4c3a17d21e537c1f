package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ml4em.io.hspy.HyperSpyTestFiles.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.EmFiles;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.filter.Filter;

/**
 * Files that are not HyperSpy, or no longer whole, are refused with one sentence naming the file —
 * never another exception, never a hang.
 */
class HyperSpyReaderBadInputTest {

	private static final Duration LIMIT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	@Test
	void hdf5WithoutExperimentsIsNotHyperSpy() throws IOException {
		Path file = dir.resolve("plain.h5");
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			hdf.putDataset("image", new float[][] { { 1, 2 }, { 3, 4 } });
		}
		IOException e = refusal(() -> EmFiles.open(file));
		assertEquals("plain.h5 is an HDF5 file but not a HyperSpy file (no /Experiments/<name>/data); "
			+ "expected a .hspy written by HyperSpy.", e.getMessage());
	}

	@Test
	void experimentWithoutDataIsNotHyperSpy() throws IOException {
		Path file = dir.resolve("nodata.hspy");
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			hdf.putAttribute("file_format", "HyperSpy");
			hdf.putGroup("Experiments").putGroup("empty").putGroup("metadata").putAttribute("x", 1L);
		}
		IOException e = refusal(() -> HyperSpyReader.read(file));
		assertTrue(e.getMessage().startsWith("nodata.hspy is an HDF5 file but not a HyperSpy file"), e.getMessage());
	}

	@Test
	void dataOfAnUnknownTypeIsNamed() throws IOException {
		Path file = dir.resolve("strings.hspy");
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			hdf.putGroup("Experiments").putGroup("words").putDataset("data", new String[] { "a", "b" });
		}
		IOException e = refusal(() -> HyperSpyReader.read(file));
		assertEquals("strings.hspy: signal 'words' stores string values, which ML4EM cannot read; "
			+ "expected integer, floating-point (32 or 64 bit), bool or complex data.", e.getMessage());
	}

	@Test
	void compressionJhdfCannotDecodeIsNamed() throws IOException {
		Path file = dir.resolve("blosc.hspy");
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			hdf.putGroup("Experiments").putGroup("packed").putDataset("data", new int[] { 1, 2, 3 },
				DatasetCreationOptions.builder().chunkDimensions(3).filter(new FakeBlosc()).build());
		}
		IOException e = refusal(() -> HyperSpyReader.read(file));
		assertTrue(e.getMessage().startsWith("blosc.hspy: its data are compressed with a filter jhdf cannot decode ("), e.getMessage());
		assertTrue(e.getMessage().contains("32001"), e.getMessage());
	}

	/** Stands for blosc (HDF5 filter 32001), which HyperSpy can write through hdf5plugin; stores bytes as they are. */
	private static final class FakeBlosc implements Filter {
		@Override
		public int getId() {
			return 32001;
		}

		@Override
		public String getName() {
			return "blosc";
		}

		@Override
		public byte[] decode(byte[] encoded, int[] data) {
			return encoded;
		}

		@Override
		public byte[] encode(byte[] data, int[] parameters) {
			return data;
		}
	}

	@Test
	void missingAndNonHdf5FilesAreRefused() throws IOException {
		assertInstanceOf(NoSuchFileException.class, refusal(() -> HyperSpyReader.read(dir.resolve("absent.hspy"))));
		Path text = Files.writeString(dir.resolve("text.hspy"), "not HDF5 at all");
		assertEquals("text.hspy is not an HDF5 file (it does not start with the HDF5 signature); expected a .hspy written by HyperSpy.",
			refusal(() -> HyperSpyReader.read(text)).getMessage());
		Path empty = Files.write(dir.resolve("empty.hspy"), new byte[0]);
		assertEquals("empty.hspy is not an HDF5 file (it is empty); expected a .hspy written by HyperSpy.",
			refusal(() -> HyperSpyReader.read(empty)).getMessage());
	}

	@Test
	void truncatedCopiesAreRefused() {
		assertTimeoutPreemptively(LIMIT, () -> {
			for (String name : new String[] { HyperSpyTestFiles.EXAMPLE, "eels_si_v3.1.hspy", "example1_v1.0.hdf5" }) {
				byte[] whole = Files.readAllBytes(resource(name));
				int tried = 0;
				for (int length = 0; length < whole.length; length += length < 4096 ? 97 : 997) {
					assertTruncatedRefused(Arrays.copyOf(whole, length));
					tried++;
				}
				assertTruncatedRefused(Arrays.copyOf(whole, whole.length - 1));
				assertTrue(tried > 50, name + ": " + tried);
			}
		});
	}

	/** The IOException a read throws, failing after {@link #LIMIT} if it hangs. */
	private static IOException refusal(Executable read) {
		return assertTimeoutPreemptively(LIMIT, () -> assertThrows(IOException.class, read));
	}

	private void assertTruncatedRefused(byte[] bytes) throws IOException {
		Path file = Files.write(dir.resolve("cut.hspy"), bytes);
		IOException e = assertThrows(IOException.class, () -> HyperSpyReader.read(file).close(), bytes.length + " bytes");
		assertTrue(e.getMessage().startsWith("cut.hspy "), bytes.length + " bytes: " + e.getMessage());
		assertTrue(e.getMessage().endsWith("."), e.getMessage());
	}
}
