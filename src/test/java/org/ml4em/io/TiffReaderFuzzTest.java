package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates valid files at random (seeded) and checks that the reader either succeeds or throws
 * an IOException: never another exception, never an OutOfMemoryError, never a hang.
 */
class TiffReaderFuzzTest {

	private static final int MUTATIONS_PER_FILE = 100;

	@TempDir
	Path dir;

	@Test
	void handWrittenDeflateWithPredictor() throws IOException {
		TiffBytes t = new TiffBytes();
		t.compression = 8;
		t.predictor = 2;
		t.pages = 2;
		t.samplesPerPixel = 2;
		fuzz(t.build(), 11);
	}

	@Test
	void libtiffLzwTiles() throws IOException {
		fuzz(Files.readAllBytes(TiffTestSupport.resource("int32_be_tiles_lzw.tif")), 12);
	}

	@Test
	void libtiffPlanarPackBits() throws IOException {
		fuzz(Files.readAllBytes(TiffTestSupport.resource("rgb8_planar_packbits_be.tif")), 13);
	}

	private void fuzz(byte[] original, long seed) {
		Random random = new Random(seed);
		Path file = dir.resolve("fuzz.tif");
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
				byte[] bytes = mutate(original, random);
				Files.write(file, bytes);
				try {
					TiffReader.read(file);
				} catch (IOException expected) {
					// a clear refusal is a correct answer to a corrupt file
				} catch (Throwable t) {
					fail("mutation " + i + " of seed " + seed + " threw " + t, t);
				}
			}
		});
	}

	/** Changes 1 to 8 bytes, biased towards the header and IFDs where the structure lives. */
	private static byte[] mutate(byte[] original, Random random) {
		byte[] bytes = original.clone();
		int changes = 1 + random.nextInt(8);
		for (int c = 0; c < changes; c++) {
			int tail = bytes.length - 1 - random.nextInt(Math.min(400, bytes.length)); // libtiff puts IFDs last
			int pos = random.nextBoolean() ? random.nextInt(bytes.length) : tail;
			bytes[pos] = TestBytes.damaged(bytes[pos], random);
		}
		return bytes;
	}
}
