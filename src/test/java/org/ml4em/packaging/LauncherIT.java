package org.ml4em.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.tf.ExpectedDevice;

/** The {@code ./ml4em} script as users run it, in a separate process, on the packaged jar. */
class LauncherIT {

	@TempDir
	Path dir;

	private record Outcome(int code, String out, String err) {}

	private Outcome launch(String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("bash", "ml4em"));
		command.addAll(List.of(args));
		Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
		Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "launcher did not finish");
		return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void headlessRunWithFijiSyntax() throws Exception {
		Path labels = dir.resolve("labels.tif");
		Outcome o = launch("--headless", "--run", "K-means Clustering", "input='sample-images/haadf_stem.tif',k=3,output='" + labels + "'");
		assertEquals(0, o.code, o.err);
		assertTrue(Files.size(labels) > 512 * 512 * 2, "16-bit 512 x 512 labels");
		assertTrue(Files.readAllLines(dir.resolve("labels.csv")).size() == 4);
		assertTrue(o.out.contains(ExpectedDevice.ranOn()), o.out);
	}

	@Test
	void badInputExitsNonZeroWithOneSentence() throws Exception {
		Outcome o = launch("--headless", "--run", "K-means Clustering", "input='no/such.tif',k=3,output='" + dir.resolve("x.tif") + "'");
		assertEquals(2, o.code);
		assertTrue(o.err.contains("Error: input='no/such.tif': no such file."), o.err);
		assertTrue(!o.err.contains("Exception"), o.err);
	}

	@Test
	void listPrintsTheCommands() throws Exception {
		Outcome o = launch("--list");
		assertEquals(0, o.code, o.err);
		assertTrue(o.out.contains("\"K-means Clustering\""), o.out);
	}

	@Test
	void infoPrintsJsonAndRefusesJunkWithOneSentence() throws Exception {
		Outcome o = launch("info", "sample-images/eels_low_loss_si.dm4");
		assertEquals(0, o.code, o.err);
		assertTrue(o.out.contains("\"shape\": [512, 64, 48]"), o.out);
		assertTrue(o.out.contains("\"beam_energy_keV\": 200.0"), o.out);
		assertTrue(o.err.isBlank(), "nothing on stderr: " + o.err);
		Path junk = Files.writeString(dir.resolve("junk.dm4"), "junk");
		Outcome bad = launch("info", junk.toString());
		assertEquals(2, bad.code);
		assertEquals(1, bad.err.strip().lines().count(), bad.err);
	}

	@Test
	void eelsThicknessMapWritesItsFiles() throws Exception {
		Path thickness = dir.resolve("thickness.tif");
		Outcome o = launch("--headless", "--run", "EELS Thickness Map", "input='sample-images/eels_low_loss_si.dm4',clusters=4,output='" + thickness + "'");
		assertEquals(0, o.code, o.err);
		assertTrue(Files.isRegularFile(thickness));
		assertTrue(Files.isRegularFile(dir.resolve("thickness_clusters.tif")));
		assertTrue(Files.isRegularFile(dir.resolve("thickness_cluster_spectra.csv")));
		assertTrue(o.out.contains("4 thickness classes"), o.out);
	}
}
