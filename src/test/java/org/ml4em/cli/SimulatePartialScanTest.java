package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulate Partial Scan headless on the bundled HAADF image: sparse image and mask agree with the input and the reported coverage. */
class SimulatePartialScanTest {

	private static final String SAMPLE = "sample-images/haadf_stem.tif";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	private static float[] values(Path file) throws Exception {
		return TiffValues.of(file);
	}

	@Test
	void spiralScanOfTheSampleKeepsMeasuredPixelsOnly() throws Exception {
		Path scan = dir.resolve("scan.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Partial Scan", "input='" + SAMPLE + "',path=spiral,coverage=0.0625,output='" + scan + "'"),
			err.toString());
		float[] full = values(Path.of(SAMPLE)), sparse = values(scan), mask = values(dir.resolve("scan_mask.tif"));
		int measured = 0;
		for (int i = 0; i < full.length; i++) {
			assertTrue(mask[i] == 0 || mask[i] == 255);
			assertEquals(mask[i] == 255 ? full[i] : 0, sparse[i], 0, "pixel " + i);
			if (mask[i] == 255) measured++;
		}
		assertEquals(full.length / 16.9, measured, full.length / 16.9 * 0.02, "1/16 nominal is about 1/16.9 measured on 512 x 512");
		assertTrue(out.toString().contains(measured + " pixels measured: coverage nominal 1/16.0 (0.0625), measured 1/"), out.toString());
	}

	@Test
	void recordedPositionsAndBadCoverage() throws Exception {
		Path csv = dir.resolve("positions.csv"), scan = dir.resolve("rec.tif");
		Files.write(csv, List.of("x,y", "10.2,20.7", "511,511", "600,3"));
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Partial Scan", "input='" + SAMPLE + "',positions='" + csv + "',output='" + scan + "'"),
			err.toString());
		float[] mask = values(dir.resolve("rec_mask.tif"));
		assertEquals(255, mask[10 + 21 * 512]);
		assertEquals(255, mask[511 + 511 * 512]);
		assertEquals(2 * 255, java.util.stream.IntStream.range(0, mask.length).mapToDouble(i -> mask[i]).sum());
		Path bad = dir.resolve("bad.tif");
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Simulate Partial Scan", "input='" + SAMPLE + "',coverage=0,output='" + bad + "'"));
		assertTrue(err.toString().contains("expected a fraction in (0, 1]"), err.toString());
		assertFalse(Files.exists(bad) || Files.exists(dir.resolve("bad_mask.tif")), "nothing written");
	}
}
