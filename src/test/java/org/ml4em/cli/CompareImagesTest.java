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
import org.ml4em.io.TiffWriter;

import net.imglib2.img.array.ArrayImgs;

/** Compare Images headless: the three figures of a known difference, and images of different sizes refused. */
class CompareImagesTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
			.execute(args);
	}

	@Test
	void scoresAnImageAgainstItsReference() throws Exception {
		float[] truth = new float[100 * 80], off = new float[truth.length];
		for (int i = 0; i < truth.length; i++) {
			truth[i] = 10 + (i % 100) / 10f; // range 9.9
			off[i] = truth[i] + (i % 2 == 0 ? 0.099f : -0.099f); // RMS 1 % of the range
		}
		Path reference = dir.resolve("truth.tif"), image = dir.resolve("image.tif"), scores = dir.resolve("scores.csv");
		TiffWriter.write(ArrayImgs.floats(truth, 100, 80), reference, TiffWriter.PixelType.FLOAT32, null, false);
		TiffWriter.write(ArrayImgs.floats(off, 100, 80), image, TiffWriter.PixelType.FLOAT32, null, false);
		assertEquals(Main.OK, run("--headless", "--run", "Compare Images", "image='" + image + "',reference='" + reference + "',output='" + scores + "'"),
			err.toString());
		List<String> lines = Files.readAllLines(scores);
		assertEquals("psnr_db,ssim,rms_relative", lines.get(0));
		String[] f = lines.get(1).split(",");
		assertEquals(40, Double.parseDouble(f[0]), 0.01, "PSNR of an RMS error of 1 % of the range");
		assertEquals(0.01, Double.parseDouble(f[2]), 1e-4);
		assertTrue(Double.parseDouble(f[1]) < 1);

		Path small = dir.resolve("small.tif"), refused = dir.resolve("refused.csv");
		TiffWriter.write(ArrayImgs.floats(new float[50 * 80], 50, 80), small, TiffWriter.PixelType.FLOAT32, null, false);
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Compare Images", "image='" + small + "',reference='" + reference + "',output='" + refused + "'"));
		assertTrue(err.toString().contains("must be the same size"), err.toString());
		assertFalse(Files.exists(refused));
	}
}
