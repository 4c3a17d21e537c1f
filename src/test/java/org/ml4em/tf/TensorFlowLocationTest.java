package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where TensorFlow is taken from, decided on jars that only hold the marker files (empty entries
 * with the names of TensorFlow Java's and TensorFlow 1.15's classes).
 */
class TensorFlowLocationTest {

	@TempDir
	Path dir;

	private Path jar(String name, String... entries) throws IOException {
		Path jar = dir.resolve(name);
		Files.createDirectories(jar.getParent());
		try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String e : entries) {
				zip.putNextEntry(new ZipEntry(e));
				zip.write(name.getBytes());
				zip.closeEntry();
			}
		}
		return jar;
	}

	private Path tensorFlowJava() throws IOException {
		return jar("cp/tensorflow-core-api-1.1.0.jar", "org/tensorflow/Graph.class", "org/tensorflow/ConcreteFunction.class");
	}

	private Path tensorFlow115() throws IOException {
		return jar("cp/libtensorflow-1.15.0.jar", "org/tensorflow/Graph.class", "org/tensorflow/Session.class");
	}

	private static URLClassLoader classPath(Path... jars) throws IOException {
		URL[] urls = new URL[jars.length];
		for (int i = 0; i < jars.length; i++)
			urls[i] = jars[i].toUri().toURL();
		return new URLClassLoader(urls, null);
	}

	private URL own() throws IOException {
		return jar("Fiji.app/plugins/ML4EM_-1.0.jar", "org/ml4em/tf/TensorFlow.class").toUri().toURL();
	}

	@Test
	void aClassPathWithTensorFlowJavaAloneIsUsedAsIs() throws IOException {
		try (URLClassLoader cp = classPath(tensorFlowJava())) {
			TensorFlowLocation where = TensorFlowLocation.find(cp, own(), null, null);
			assertEquals(List.of(), where.isolatedJars());
			assertEquals("the class path", where.toString());
		}
	}

	@Test
	void besideTensorFlow115OnlyTensorFlowJavasJarsAreTakenIntoTheirOwnLoader() throws IOException {
		Path api = tensorFlowJava();
		Path nd = jar("cp/ndarray-1.0.0.jar", "org/tensorflow/ndarray/NdArray.class");
		Path natives = jar("cp/tensorflow-core-native-1.1.0-linux-x86_64.jar",
			"org/tensorflow/internal/c_api/linux-x86_64/" + System.mapLibraryName("jnitensorflow"));
		try (URLClassLoader cp = classPath(tensorFlow115(), api, nd, natives)) {
			TensorFlowLocation where = TensorFlowLocation.find(cp, own(), null, null);
			List<URL> jars = where.isolatedJars();
			assertEquals(own(), jars.get(0), "ML4EM's own code first, for org.ml4em.tf.engine");
			assertTrue(jars.contains(api.toUri().toURL()), jars.toString());
			assertTrue(jars.contains(nd.toUri().toURL()), jars.toString());
			if (System.getProperty("os.name").toLowerCase().startsWith("linux") && System.getProperty("os.arch").equals("amd64"))
				assertTrue(jars.contains(natives.toUri().toURL()), jars.toString());
			assertTrue(jars.stream().noneMatch(u -> u.toString().contains("libtensorflow-1.15")), jars.toString());
			assertTrue(where.toString().contains("2 copies of org.tensorflow.Graph"), where.toString());
		}
	}

	@Test
	void theFolderTheUpdateSiteInstallsComesFirst() throws IOException {
		Path fiji = dir.resolve("Fiji.app");
		Path installed = jar("Fiji.app/" + TensorFlow.FIJI_FOLDER + "/tensorflow-core-api-1.1.0.jar", "org/tensorflow/ConcreteFunction.class");
		try (URLClassLoader cp = classPath(tensorFlow115())) {
			for (String fijiDir : new String[] { fiji.toString(), null }) { // named by imagej.dir, or found above plugins/
				TensorFlowLocation where = TensorFlowLocation.find(cp, own(), fijiDir, null);
				assertEquals(List.of(own(), installed.toUri().toURL()), where.isolatedJars());
			}
		}
	}

	@Test
	void aFolderNamedByThePropertyWinsAndMustHoldJars() throws IOException {
		Path chosen = jar("elsewhere/tensorflow-core-api-1.1.0.jar", "org/tensorflow/ConcreteFunction.class").getParent();
		try (URLClassLoader cp = classPath(tensorFlowJava())) {
			assertEquals(2, TensorFlowLocation.find(cp, own(), null, chosen.toString()).isolatedJars().size());
			Path empty = Files.createDirectories(dir.resolve("empty"));
			TensorFlowUnavailableException e = assertThrows(TensorFlowUnavailableException.class,
				() -> TensorFlowLocation.find(cp, own(), null, empty.toString()));
			assertTrue(e.getMessage().contains("holds no jar"), e.getMessage());
		}
	}

	@Test
	void withoutTensorFlowJavaAnywhereTheMessageSaysWhereItLooked() throws IOException {
		try (URLClassLoader cp = classPath(tensorFlow115())) {
			TensorFlowUnavailableException e = assertThrows(TensorFlowUnavailableException.class, () -> TensorFlowLocation.find(cp, own(), null, null));
			assertTrue(e.getMessage().contains(dir.resolve("Fiji.app").resolve(TensorFlow.FIJI_FOLDER).toString()), e.getMessage());
			assertTrue(e.getMessage().contains("update site"), e.getMessage());
		}
	}

	@Test
	void theIsolatingLoaderAnswersForTensorFlowFromItsOwnJarsAndForTheRestFromItsParent() throws IOException {
		Path api = tensorFlowJava();
		Path shared = jar("cp/shared.jar", "org/ml4em/tf/TensorFlowEngine.class", "org/tensorflow/Graph.class");
		try (URLClassLoader parent = classPath(tensorFlow115(), shared);
			IsolatingClassLoader own = new IsolatingClassLoader(new URL[] { api.toUri().toURL() }, parent)) {
			assertTrue(own.getResource("org/tensorflow/Graph.class").toString().contains("tensorflow-core-api"));
			assertEquals(1, java.util.Collections.list(own.getResources("org/tensorflow/Graph.class")).size(), "never the parent's copies");
			assertTrue(own.getResource("org/ml4em/tf/TensorFlowEngine.class").toString().contains("shared.jar"));
			assertTrue(IsolatingClassLoader.isOwn("org.ml4em.tf.engine.TfEngine"));
			assertTrue(!IsolatingClassLoader.isOwn("org.ml4em.tf.TensorFlowEngine"), "the shared interfaces come from the parent");
		}
	}
}
