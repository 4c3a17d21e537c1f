package org.ml4em.tf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where TensorFlow Java is taken from, in this order:
 * <ol>
 * <li>the folder named by the system property {@value #DIR_PROPERTY};</li>
 * <li>{@value TensorFlow#FIJI_FOLDER} in the Fiji folder (system property {@code imagej.dir}, else the folder
 * above the one holding ML4EM's jar): where ML4EM's update site installs it, outside the folders
 * Fiji puts on its class path;</li>
 * <li>the class path, as is, when it holds TensorFlow Java and no other {@code org.tensorflow}
 * classes (the headless launcher, the tests);</li>
 * <li>TensorFlow Java's jars picked out of a class path that also holds an older TensorFlow.</li>
 * </ol>
 * In every case but the third, TensorFlow is loaded in an {@link IsolatingClassLoader}.
 */
final class TensorFlowLocation {

	/** System property: a folder holding TensorFlow Java's jars, used in place of any other. */
	static final String DIR_PROPERTY = "ml4em.tensorflow.dir";

	private static final String API_MARKER = "org/tensorflow/ConcreteFunction.class";
	private static final String CLASH_MARKER = "org/tensorflow/Graph.class";

	/** One class (or the native library) of each jar TensorFlow Java needs. */
	private static final List<String> JAR_MARKERS = List.of(API_MARKER, "org/tensorflow/internal/c_api/global/tensorflow.class",
		"org/tensorflow/ndarray/NdArray.class", "org/bytedeco/javacpp/Loader.class", "com/google/protobuf/GeneratedMessageV3.class");

	private final List<URL> isolatedJars;
	private final String description;

	private TensorFlowLocation(List<URL> isolatedJars, String description) {
		this.isolatedJars = isolatedJars;
		this.description = description;
	}

	/**
	 * @param ours the class loader of ML4EM's own classes
	 * @param ownCode where ML4EM's classes are (its jar, or a classes folder)
	 * @param fijiDir the {@code imagej.dir} property, or null
	 * @param tensorFlowDir the {@value #DIR_PROPERTY} property, or null
	 */
	static TensorFlowLocation find(ClassLoader ours, URL ownCode, String fijiDir, String tensorFlowDir) {
		if (tensorFlowDir != null) {
			Path dir = Path.of(tensorFlowDir);
			return fromFolder(dir, ownCode).orElseThrow(() -> new TensorFlowUnavailableException("The folder " + dir + " named by -D" + DIR_PROPERTY +
				" holds no jar; expected TensorFlow Java's jars (tensorflow-core-api, tensorflow-core-native, ndarray, protobuf-java, javacpp).", null));
		}
		Path installed = fijiFolder(ownCode, fijiDir).map(f -> f.resolve(TensorFlow.FIJI_FOLDER)).orElse(null);
		if (installed != null) {
			Optional<TensorFlowLocation> folder = fromFolder(installed, ownCode);
			if (folder.isPresent()) return folder.get();
		}
		List<URL> apis = resources(ours, API_MARKER);
		if (apis.isEmpty()) throw new TensorFlowUnavailableException("TensorFlow Java was not found: ML4EM looks for its jars in " +
			(installed == null ? TensorFlow.FIJI_FOLDER + " of the Fiji folder" : installed) + " (installed by the ML4EM update site) or on the class path.", null);
		List<URL> graphs = resources(ours, CLASH_MARKER);
		if (graphs.size() == 1) return new TensorFlowLocation(List.of(), "the class path");
		return fromClassPath(ours, ownCode, graphs.size());
	}

	/** The jars to load TensorFlow from in their own class loader; empty to use the class path as is. */
	List<URL> isolatedJars() {
		return isolatedJars;
	}

	/** Where TensorFlow came from, for the log. */
	@Override
	public String toString() {
		return description;
	}

	private static Optional<TensorFlowLocation> fromFolder(Path dir, URL ownCode) {
		if (!Files.isDirectory(dir)) return Optional.empty();
		List<URL> jars = new ArrayList<>();
		jars.add(ownCode);
		try (Stream<Path> files = Files.list(dir)) {
			for (Path jar : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()::iterator)
				jars.add(jar.toUri().toURL());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list the TensorFlow folder " + dir + ": " + e.getMessage(), e);
		}
		if (jars.size() == 1) return Optional.empty();
		return Optional.of(new TensorFlowLocation(Collections.unmodifiableList(jars), dir + ", in its own class loader"));
	}

	private static TensorFlowLocation fromClassPath(ClassLoader ours, URL ownCode, int graphClasses) {
		Set<URL> jars = new LinkedHashSet<>();
		jars.add(ownCode);
		for (String marker : JAR_MARKERS) {
			List<URL> found = resources(ours, marker);
			if (!found.isEmpty()) jars.add(jarOf(found.get(0), marker));
		}
		nativeLibrary(ours).ifPresent(jars::add);
		return new TensorFlowLocation(List.copyOf(jars), "TensorFlow Java's jars on the class path, in their own class loader (" + graphClasses +
			" copies of org.tensorflow.Graph are on the class path)");
	}

	/** The jar of TensorFlow's JNI library for this platform (JavaCPP's folder names: linux-x86_64, macosx-arm64, …). */
	private static Optional<URL> nativeLibrary(ClassLoader ours) {
		String os = System.getProperty("os.name", "").toLowerCase();
		String platform = (os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : "linux") + "-" +
			(System.getProperty("os.arch", "").matches("aarch64|arm64") ? "arm64" : "x86_64");
		String library = System.mapLibraryName("jnitensorflow");
		for (String folder : List.of(platform + "-gpu", platform)) {
			String name = "org/tensorflow/internal/c_api/" + folder + "/" + library;
			List<URL> found = resources(ours, name);
			if (!found.isEmpty()) return Optional.of(jarOf(found.get(0), name));
		}
		return Optional.empty();
	}

	private static Optional<Path> fijiFolder(URL ownCode, String fijiDir) {
		if (fijiDir != null) return Optional.of(Path.of(fijiDir));
		try {
			Path code = Path.of(ownCode.toURI());
			Path folder = code.getParent();
			return folder == null || folder.getParent() == null ? Optional.empty() : Optional.of(folder.getParent());
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static List<URL> resources(ClassLoader loader, String name) {
		try {
			return Collections.list(loader.getResources(name));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot search the class path for " + name + ": " + e.getMessage(), e);
		}
	}

	/** The jar (or folder) a resource URL points into. */
	static URL jarOf(URL resource, String name) {
		String s = resource.toString();
		try {
			if (s.startsWith("jar:")) return new URL(s.substring(4, s.indexOf("!/")));
			if (s.endsWith(name)) return new URL(s.substring(0, s.length() - name.length()));
		}
		catch (MalformedURLException e) {
			throw new IllegalStateException("Cannot tell which jar " + resource + " comes from", e);
		}
		throw new IllegalStateException("Cannot tell which jar " + resource + " comes from");
	}
}
