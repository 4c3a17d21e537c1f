package org.ml4em.io.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ml4em.ChildJvm;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a DM4 spectrum image of more than 2 GiB as a sparse file and reads it in a separate JVM
 * whose heap (128 MiB) is far smaller than the file: the writer must stream, the reader must map
 * the values instead of loading them, and values past the 1 GiB segments and the 2 GiB mark of
 * the mapping must come back right.
 */
class DmLargeFileTest {

	private static final long CHILD_TIMEOUT_SECONDS = 300;

	@TempDir
	Path dir;

	@Test
	void sparseSpectrumImageLargerThanTwoGigabytesReadsWithSmallHeap() throws Exception {
		Path file = dir.resolve("big.dm4");
		try {
			long start = System.nanoTime();
			DmWriter.of(DmWriter.Version.DM4).write(DmLargeSpectrumImage.signal(), file);
			double seconds = (System.nanoTime() - start) / 1e9;
			long size = Files.size(file);
			Long used = diskUsage(file);
			System.out.printf("wrote %d bytes in %.1f s, taking %s bytes on disk%n", size, seconds, used);
			assertTrue(size > 4L * DmLargeSpectrumImage.CHANNELS * DmLargeSpectrumImage.WIDTH * DmLargeSpectrumImage.HEIGHT,
				"file of " + size + " bytes");
			assertTrue(size > 1L << 31, "more than 2 GiB");
			if (used != null)
				assertTrue(used < 64L << 20, "the file should be sparse, but it takes " + used + " bytes on disk");
			checkInSmallJvm(file);
		} finally {
			Files.deleteIfExists(file);
		}
	}

	private static void checkInSmallJvm(Path file) throws IOException, InterruptedException {
		ChildJvm.Run run = ChildJvm.run(List.of("-Xmx128m"), DmLargeSpectrumImage.class, List.of(file.toString()), CHILD_TIMEOUT_SECONDS);
		assertEquals(0, run.exitCode(), run.printed());
	}

	/** Bytes the file takes on disk, from {@code du}; null where that cannot be measured. */
	private static Long diskUsage(Path file) {
		if (!Files.isExecutable(Path.of("/usr/bin/du")))
			return null;
		try {
			Process du = new ProcessBuilder("/usr/bin/du", "-k", file.toString()).redirectErrorStream(true).start();
			String out = new String(du.getInputStream().readAllBytes()).trim();
			if (!du.waitFor(30, TimeUnit.SECONDS) || du.exitValue() != 0)
				return null;
			return Long.parseLong(out.split("\\s+")[0]) * 1024;
		} catch (IOException | NumberFormatException e) {
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
