package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ml4em.io.TestBytes;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;

/**
 * Mutates valid HyperSpy files at random (seeded) and checks that the reader either opens them —
 * and then reading every value throws nothing but {@link UncheckedIOException} — or refuses them
 * with an {@link IOException} and a message: never another exception, never an
 * {@link OutOfMemoryError}, never a hang inside jhdf.
 */
class HyperSpyReaderFuzzTest {

	private static final int MUTATIONS_PER_FILE = 150;

	@TempDir
	Path dir;

	@Test
	void rosettaSciIoExample() throws IOException {
		fuzz(HyperSpyTestFiles.EXAMPLE, 21);
	}

	@Test
	void hyperSpyChunkedSpectrumImage() throws IOException {
		fuzz("eels_si_v3.1.hspy", 22);
	}

	private void fuzz(String name, long seed) throws IOException {
		byte[] original = Files.readAllBytes(HyperSpyTestFiles.resource(name));
		Random random = new Random(seed);
		Path file = dir.resolve("fuzz.hspy");
		int[] outcomes = new int[2];
		assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
			for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
				Files.write(file, mutate(original, random));
				try (EmFile f = HyperSpyReader.read(file)) {
					readAll(f);
					outcomes[0]++;
				} catch (IOException refused) {
					// a clear refusal is a correct answer to a corrupt file
					assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), "mutation " + i + " of seed " + seed);
					outcomes[1]++;
				} catch (Throwable t) {
					fail("mutation " + i + " of " + name + ", seed " + seed + " threw " + t, t);
				}
			}
		});
		// both outcomes occur, or the mutations would not be testing much
		assertTrue(outcomes[0] > 0 && outcomes[1] > 0, name + ": opened " + outcomes[0] + ", refused " + outcomes[1]);
	}

	/** Reads every value of every real signal; read errors must be UncheckedIOExceptions. */
	private static void readAll(EmFile f) {
		for (EmSignal s : f.signals()) {
			if (!s.type().isReal())
				continue;
			double[] buffer = new double[4096];
			for (long start = 0; start < s.size(); start += buffer.length) {
				int n = (int) Math.min(buffer.length, s.size() - start);
				try {
					s.values().read(start, buffer, 0, n);
				} catch (UncheckedIOException e) {
					return; // a damaged data block, reported as it should be
				}
			}
		}
	}

	/** Changes 1 to 8 bytes, half of them in the first 4 KiB where h5py puts the root structures. */
	private static byte[] mutate(byte[] original, Random random) {
		byte[] bytes = original.clone();
		int changes = 1 + random.nextInt(8);
		for (int c = 0; c < changes; c++) {
			int pos = random.nextBoolean() ? random.nextInt(bytes.length) : random.nextInt(Math.min(4096, bytes.length));
			bytes[pos] = TestBytes.damaged(bytes[pos], random);
		}
		return bytes;
	}
}
