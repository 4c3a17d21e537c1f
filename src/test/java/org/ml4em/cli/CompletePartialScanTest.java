package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.commands.ColumnModelFolder;
import org.ml4em.io.ImageData;
import org.ml4em.io.PixelCalibration;
import org.ml4em.io.TiffReader;
import org.ml4em.io.TiffWriter;
import org.ml4em.io.TiffWriter.PixelType;
import org.ml4em.scan.ImageComparison;

import net.imglib2.img.array.ArrayImgs;

/**
 * Complete Partial Scan headless: a sparse scan and its mask from Simulate Partial Scan, completed
 * by the classical methods, keep measured pixels and the input's pixel size; bad input gets one
 * message each and writes nothing.
 */
class CompletePartialScanTest {

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

	private Path calibratedSample() throws Exception {
		Path file = dir.resolve("calibrated.tif");
		TiffWriter.write(ArrayImgs.floats(values(Path.of(SAMPLE)), 512, 512), file, PixelType.FLOAT32, new PixelCalibration(0.25, 0.25, "nm"), false);
		return file;
	}

	@Test
	void sparseScanWithItsMaskIsCompletedKeepingMeasuredPixelsAndThePixelSize() throws Exception {
		Path scan = dir.resolve("scan.tif"), full = dir.resolve("full.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Partial Scan", "input='" + calibratedSample() + "',coverage=0.0625,output='" + scan + "'"),
			err.toString());
		for (String method : new String[] { "harmonic", "normconv" }) {
			Path result = dir.resolve(method + ".tif");
			assertEquals(Main.OK, run("--headless", "--run", "Complete Partial Scan", "input='" + scan + "',mask='" + dir.resolve("scan_mask.tif")
				+ "',method=" + method + ",output='" + result + "'"), err.toString());
			float[] truth = values(Path.of(SAMPLE)), sparse = values(scan), mask = values(dir.resolve("scan_mask.tif")), completed = values(result);
			for (int i = 0; i < truth.length; i++)
				if (mask[i] != 0) assertEquals(sparse[i], completed[i], 0, "measured pixel " + i);
			double psnr = ImageComparison.of(completed, truth, 512, 512).psnr();
			assertTrue(psnr > 35, method + ": " + psnr + " dB");
			ImageData d = TiffReader.read(result);
			assertEquals(512, d.width());
			assertEquals(0.25, PixelCalibration.angstrom(d.pixelWidth(), d.unit()).orElseThrow() / 10, 1e-6, "the input's pixel size, " + d.unit());
		}
		assertTrue(out.toString().contains("completed by harmonic on the CPU"), out.toString());
		assertFalse(Files.exists(full));
	}

	@Test
	void aFullImageIsScannedFirstWhenNoMaskIsGiven() throws Exception {
		Path result = dir.resolve("lines.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Complete Partial Scan", "input='" + SAMPLE + "',path=lines,coverage=0.1,method=harmonic,output='"
			+ result + "'"), err.toString());
		assertTrue(out.toString().contains("(coverage 1/10.0 of nominal 1/10.0 along a simulated lines)"), out.toString());
		float[] truth = values(Path.of(SAMPLE)), completed = values(result);
		int same = 0;
		for (int i = 0; i < truth.length; i++)
			if (truth[i] == completed[i]) same++;
		assertTrue(same >= 51 * 512, "every tenth of the 512 rows is measured and kept: " + same);
	}

	@Test
	void badInputGetsOneMessageAndWritesNothing() throws Exception {
		Path scan = dir.resolve("scan.tif"), bad = dir.resolve("bad.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Partial Scan", "input='" + SAMPLE + "',coverage=0.0625,output='" + scan + "'"));
		Path small = dir.resolve("small.tif"), empty = dir.resolve("empty.tif"), nan = dir.resolve("nan.tif");
		TiffWriter.write(ArrayImgs.unsignedBytes(100, 100), small, PixelType.UINT8, null, false);
		TiffWriter.write(ArrayImgs.unsignedBytes(512, 512), empty, PixelType.UINT8, null, false);
		float[] withNan = values(Path.of(SAMPLE));
		withNan[1000] = Float.NaN;
		TiffWriter.write(ArrayImgs.floats(withNan, 512, 512), nan, PixelType.FLOAT32, null, false);
		String[][] cases = { { "input='" + scan + "',mask='" + small + "'", "the mask must be the image's size" },
			{ "input='" + scan + "',mask='" + empty + "'", "The mask marks no sampled pixel" },
			{ "input='" + SAMPLE + "',coverage=0", "expected a fraction in (0, 1]" }, { "input='" + SAMPLE + "',coverage=1.5", "expected a fraction in (0, 1]" },
			{ "input='" + nan + "',path=random,coverage=1", "is NaN or infinite" }, { "input='" + SAMPLE + "',method=kriging", "method='kriging' is not known" },
			{ "input='" + SAMPLE + "',method=network,model='" + ColumnModelFolder.extractShipped() + "'", "has no ml4em_scan.json; expected a scan completer" } };
		for (String[] c : cases) {
			err.reset();
			String args = c[0] + (c[0].contains("method=") ? "" : ",method=harmonic") + ",output='" + bad + "'";
			assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Complete Partial Scan", args), args);
			assertTrue(err.toString().contains(c[1]), c[0] + ": " + err);
			assertFalse(Files.exists(bad), "nothing written for " + c[0]);
		}
	}
}
