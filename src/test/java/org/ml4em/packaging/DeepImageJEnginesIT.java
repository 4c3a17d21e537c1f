package org.ml4em.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.bioimageio.BioImageIoModel;
import org.ml4em.io.Folders;

/**
 * DeepImageJ 3 runs bioimage.io models through JDLL, whose TensorFlow 2 engines are TensorFlow
 * 2.10.1 and 2.7.4 (TensorFlow Java 0.5.0 and 0.4.2), older than the 2.18 that wrote our
 * SavedModels. Neither DeepImageJ nor JDLL is on Maven Central, so this test does what their
 * TensorFlow 2 engine does, with those engines' own TensorFlow Java from Maven Central
 * ({@code src/test/deepimagej/RunLikeDeepImageJ.java}, run in its own JVM): both shipped models,
 * exported by Export Model (bioimage.io) and unzipped into {@code Fiji.app/models/} as DeepImageJ
 * installs a model, must reproduce their own test output.
 */
class DeepImageJEnginesIT {

	private static final String[] MODELS = { "atomic_column_finder", "scan_completer" };
	private static final String[] ENGINES = { "tensorflow-2.10.1", "tensorflow-2.7.4" };
	private static final Pattern REPORT = Pattern.compile("TensorFlow (\\S+), SavedModel (.+), output .*, largest difference (\\S+)");

	@TempDir
	Path dir;

	@Test
	void exportedModelsReproduceTheirTestOutputWithDeepImageJsTensorFlowEngines() throws Exception {
		Path models = Files.createDirectories(dir.resolve("Fiji.app/models"));
		for (String model : MODELS) {
			Path exported = dir.resolve("export-" + model);
			ChildJvm.run(launcher("Export Model (bioimage.io)", "shipped='" + model + "',output='" + exported + "'"), dir);
			Path installed = models.resolve("ML4EM_" + model);
			BioImageIoModel.unzip(exported.resolve("ML4EM_" + model + ".zip"), installed);
			// The first engine loads the SavedModel as installed; the second a copy holding only the
			// weights zip named in rdf.yaml, which the engine unpacks first.
			Path zipOnly = dir.resolve("zip-only-" + model);
			Folders.copyTree(installed, zipOnly);
			Folders.deleteTree(zipOnly.resolve("variables"));
			Files.delete(zipOnly.resolve("saved_model.pb"));
			for (int e = 0; e < ENGINES.length; e++) {
				Path folder = e == 0 ? installed : zipOnly;
				Matcher m = REPORT.matcher(ChildJvm.run(engine(ENGINES[e], folder), dir));
				assertTrue(m.find(), model + " on " + ENGINES[e] + ": no report");
				assertEquals(ENGINES[e].substring("tensorflow-".length()), m.group(1), "the engine's own TensorFlow ran");
				assertEquals(e == 0 ? "as installed" : "from tf_saved_model_bundle.zip", m.group(2));
				double difference = Double.parseDouble(m.group(3));
				assertTrue(difference <= 1e-4, model + " on " + ENGINES[e] + ": largest difference from its test output " + difference);
			}
		}
	}

	private static List<String> launcher(String command, String arguments) throws Exception {
		String classPath = ChildJvm.pluginJar() + File.pathSeparator + "target/lib/*";
		return List.of(ChildJvm.java(), "-cp", classPath, "org.ml4em.cli.Main", "--headless", "--run", command, arguments);
	}

	/** The single-file program on the engine's jars plus our classes (for its .npy, YAML and zip reading). */
	private static List<String> engine(String engine, Path modelFolder) throws IOException {
		Path jars = Path.of("target/deepimagej-engines", engine);
		assertTrue(Files.isDirectory(jars), "the pre-integration-test phase copies " + jars);
		List<String> classPath = new ArrayList<>();
		try (Stream<Path> files = Files.list(jars)) {
			files.map(Path::toString).sorted().forEach(classPath::add);
		}
		classPath.add("target/classes");
		return List.of(ChildJvm.java(), "-cp", String.join(File.pathSeparator, classPath), "src/test/deepimagej/RunLikeDeepImageJ.java", modelFolder.toString());
	}
}
