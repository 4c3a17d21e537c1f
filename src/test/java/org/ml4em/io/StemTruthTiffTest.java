package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import net.imglib2.type.numeric.real.FloatType;

/**
 * Reads the project's real STEM ground truth, {@code ../shared/data/stem/truth-1.tif}: 512 x 512
 * float32 in [0, 1], uncompressed little-endian in one strip (written by tifffile).
 */
class StemTruthTiffTest {

	private static final Path TRUTH = Path.of("..", "shared", "data", "stem", "truth-1.tif");

	@Test
	void readsTruth1() throws IOException {
		Assumptions.assumeTrue(Files.exists(TRUTH), "../shared/data absent: " + TRUTH.toAbsolutePath());
		ImageData data = TiffReader.read(TRUTH);
		assertArrayEquals(new long[] { 512, 512 }, data.image().dimensionsAsLongArray());
		assertEquals("float32", data.sampleType());
		assertEquals(PixelCalibration.UNCALIBRATED, data.calibration());
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum = 0;
		for (FloatType t : data.image()) {
			min = Math.min(min, t.get());
			max = Math.max(max, t.get());
			sum += t.get();
		}
		double mean = sum / (512 * 512);
		assertTrue(min >= 0 && max <= 1, "values must lie in [0, 1], got " + min + ".." + max);
		assertTrue(mean > 0.01 && mean < 0.9, "mean " + mean);
		assertMatchesRawStrip(data);
	}

	/** The strip is raw little-endian float32, so its bytes can be checked directly. */
	private static void assertMatchesRawStrip(ImageData data) throws IOException {
		byte[] bytes = Files.readAllBytes(TRUTH);
		ByteBuffer b = ByteBuffer.wrap(bytes).order(TiffTestSupport.order(bytes));
		assertEquals(1, b.getShort(TiffTestSupport.entry(bytes, 259) + 8), "truth-1.tif is expected uncompressed");
		int strip = b.getInt(TiffTestSupport.entry(bytes, 273) + 8);
		for (int i : new int[] { 0, 1, 511, 512, 12345, 512 * 512 - 1 }) {
			assertEquals(b.getFloat(strip + 4 * i), TiffTestSupport.at(data, i % 512, i / 512, 0), "sample " + i);
		}
	}
}
