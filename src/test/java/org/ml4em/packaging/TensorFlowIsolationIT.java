package org.ml4em.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fiji's TensorFlow and CSBDeep update sites put TensorFlow 1.15 on Fiji's class path, with
 * classes of the same names as TensorFlow Java's; loaded from one class path the two mix and
 * ML4EM's first TensorFlow call fails ({@code UnsatisfiedLinkError} in 1.15's
 * {@code NativeLibrary}). Here that jar comes first on the class path, and the commands that run
 * TensorFlow still work.
 */
class TensorFlowIsolationIT {

	@TempDir
	Path dir;

	@Test
	void commandsRunWithFijisTensorFlow115FirstOnTheClassPath() throws Exception {
		Path old = Path.of("target/fiji-tensorflow/libtensorflow-1.15.0.jar");
		assertTrue(Files.isRegularFile(old), "the pre-integration-test phase copies " + old);
		Path completed = dir.resolve("full.tif");
		String out = run(old, "Complete Partial Scan", "input='sample-images/haadf_stem.tif',path='spiral',coverage=0.0625,method='network',output='" +
			completed + "'");
		assertTrue(out.contains("completed by network (shipped model) on CPU"), out);
		assertTrue(Files.size(completed) > 512 * 512 * 4, "a 32-bit 512 x 512 image");

		Path columns = dir.resolve("columns.csv");
		out = run(old, "Find Atomic Columns", "input='sample-images/haadf_mos2_simulated.tif',output='" + columns + "'");
		assertTrue(Files.readAllLines(columns).size() > 100, out);
	}

	private String run(Path firstOnClassPath, String command, String arguments) throws Exception {
		List<String> classPath = new ArrayList<>();
		classPath.add(firstOnClassPath.toString());
		classPath.add(ChildJvm.pluginJar().toString());
		classPath.add("target/lib/*");
		return ChildJvm.run(List.of(ChildJvm.java(), "-Xmx4g", "-cp", String.join(File.pathSeparator, classPath), "org.ml4em.cli.Main", "--headless",
			"--run", command, arguments), dir);
	}
}
