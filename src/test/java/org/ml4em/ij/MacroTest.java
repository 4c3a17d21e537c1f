package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;

/**
 * Runs {@code macros/kmeans_clustering.ijm} and other macros in a headless, patched ImageJ 1.x
 * ({@link HeadlessMacro}: ij1-patcher's {@code LegacyEnvironment} in a JVM of its own), the way a
 * batch user would, and checks the files they write.
 */
class MacroTest {

	private static final Path MACRO = Path.of("macros", "kmeans_clustering.ijm");
	private static final Path SAMPLE = Path.of("sample-images", "haadf_stem.tif").toAbsolutePath();
	private static final int SIZE = 512;

	@TempDir
	Path dir;

	@BeforeAll
	static void pluginIsInTheBuild() {
		assertTrue(Files.exists(Path.of("target", "classes", "plugins.config")), "plugins.config must be copied to target/classes by the build");
	}

	/** Runs the example macro; returns what ImageJ printed. */
	private static String runExampleMacro(String argument) throws IOException, InterruptedException {
		return HeadlessMacro.run(MACRO, argument).printed();
	}

	/** Runs macro code (saved to a file in {@link #dir}) on the sample image; returns what ImageJ printed. */
	private String runOnSample(String code) throws IOException, InterruptedException {
		Path macro = dir.resolve("test.ijm");
		Files.writeString(macro, "setBatchMode(true);\nopen(getArgument());\n" + code);
		return HeadlessMacro.run(macro, SAMPLE.toString()).printed();
	}

	private static ImageProcessor openLabels(Path tif) {
		ImagePlus imp = new Opener().openImage(tif.toString());
		assertNotNull(imp, "cannot open " + tif);
		assertEquals(16, imp.getBitDepth());
		return imp.getProcessor();
	}

	private static int[] histogram(ImageProcessor labels, int bins) {
		int[] count = new int[bins];
		for (int i = 0; i < labels.getPixelCount(); i++) count[Math.min(labels.get(i), bins - 1)]++;
		return count;
	}

	private static long sumOfColumn(List<String> csv, String column) {
		int index = Arrays.asList(csv.get(0).split(",")).indexOf(column);
		assertTrue(index >= 0, "no column " + column + " in " + csv.get(0));
		return csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[index].trim())).sum();
	}

	@Test
	void exampleMacroWritesLabelsAndTable() throws IOException, InterruptedException {
		Path tif = dir.resolve("out/haadf_stem_labels.tif"), csv = dir.resolve("out/haadf_stem_labels.csv");
		String printed = runExampleMacro("input=[" + SAMPLE + "] output=[" + tif + "] k=3");

		ImageProcessor labels = openLabels(tif);
		assertEquals(SIZE, labels.getWidth());
		assertEquals(SIZE, labels.getHeight());
		int[] count = histogram(labels, 4);
		assertEquals(0, count[3], "labels other than 0, 1, 2");
		for (int label = 0; label < 3; label++)
			assertTrue(count[label] > SIZE * SIZE / 50, "label " + label + " has only " + count[label] + " pixels");

		List<String> table = Files.readAllLines(csv);
		assertEquals("label,pixels,mean,std,inertia", table.get(0));
		assertEquals(4, table.size(), "header and 3 rows");
		assertEquals(SIZE * SIZE, sumOfColumn(table, "pixels"));
		double[] means = table.stream().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[2])).toArray();
		assertTrue(means[0] < means[1] && means[1] < means[2], "labels are ordered by mean: " + table);
		assertTrue(table.get(1).split(",")[2].length() > "0.015".length(), "means keep more than 3 decimals: " + table.get(1));
		assertTrue(printed.contains("K-means Clustering of haadf_stem.tif: K-means, k=3"), printed);
	}

	@Test
	void badInputStopsTheMacroAndWritesNothing() throws IOException, InterruptedException {
		Path tif = dir.resolve("labels.tif");
		String printed = runExampleMacro("input=[" + SAMPLE + "] output=[" + tif + "] k=0");
		assertTrue(printed.contains("k must be at least 1 (got 0)"), printed);
		assertFalse(printed.contains("K-means Clustering macro: wrote"), "the macro went on after the error: " + printed);
		assertFalse(Files.exists(tif));
		assertFalse(Files.exists(dir.resolve("labels.csv")));
	}

	@Test
	void everyRecordedKeyIsRead() throws IOException, InterruptedException {
		Path tif = dir.resolve("gmm.tif");
		String printed = runOnSample("run(\"K-means Clustering\", \"k=2 method=gmm covariance=diagonal restarts=2 max_iterations=50 seed=7 device=cpu backend=java mask=None\"); "
			+ "saveAs(\"Tiff\", \"" + tif + "\");");
		assertTrue(printed.contains("Gaussian mixture, k=2"), printed);
		assertTrue(printed.contains("/2 restarts converged"), printed);
		int[] count = histogram(openLabels(tif), 3);
		assertEquals(0, count[2], "labels other than 0 and 1");
	}

	@Test
	void maskLeavesOutPixels() throws IOException, InterruptedException {
		Path tif = dir.resolve("masked.tif");
		String printed = runOnSample("id = getImageID(); "
			+ "newImage(\"left half\", \"8-bit black\", 512, 512, 1); setColor(255); fillRect(0, 0, 256, 512); "
			+ "selectImage(id); run(\"K-means Clustering\", \"k=2 mask=[left half]\"); "
			+ "saveAs(\"Tiff\", \"" + tif + "\");");
		assertTrue(printed.contains((SIZE * SIZE / 2) + " pixels outside the mask"), printed);
		ImageProcessor labels = openLabels(tif);
		assertEquals(65535, labels.get(400, 100));
		assertTrue(labels.get(100, 100) < 2);
	}

	@Test
	void nanPixelsAreLeftOutAndCounted() throws IOException, InterruptedException {
		Path tif = dir.resolve("nan.tif");
		String printed = runOnSample("for (y = 0; y < 10; y++) for (x = 0; x < 10; x++) setPixel(x, y, NaN); "
			+ "run(\"K-means Clustering\", \"k=3\"); saveAs(\"Tiff\", \"" + tif + "\");");
		assertTrue(printed.contains("100 NaN/infinite pixels excluded"), printed);
		ImagePlus labels = new Opener().openImage(tif.toString());
		assertEquals(65535, labels.getProcessor().get(5, 5));
		assertEquals(3, labels.getDisplayRangeMax(), "0 ... k so that left-out pixels show black");
	}

	@Test
	void misspeltChoiceIsAnError() throws IOException, InterruptedException {
		String printed = runOnSample("run(\"K-means Clustering\", \"k=2 method=kmean\"); print(\"went\" + \" on\");");
		assertTrue(printed.contains("method='kmean' is not known; expected kmeans, gmm."), printed);
		assertFalse(printed.contains("went on"), printed);
	}

	@Test
	void unknownMaskIsAnError() throws IOException, InterruptedException {
		String printed = runOnSample("run(\"K-means Clustering\", \"k=2 mask=nothing\");");
		assertTrue(printed.contains("mask='nothing' is not an open image"), printed);
	}
}
