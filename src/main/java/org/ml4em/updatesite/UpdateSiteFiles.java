package org.ml4em.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ml4em.tf.TensorFlow;
import org.scijava.util.FileUtils;

/**
 * Which files ML4EM's update site holds and where each lands in Fiji:
 * <ul>
 * <li>{@code plugins/}: the plugin jar (its {@code _} makes ImageJ 1 read its {@code plugins.config});</li>
 * <li>{@code jars/}: run-time libraries Fiji does not ship (jhdf for HyperSpy files and its LZF codec);</li>
 * <li>{@value TensorFlow#FIJI_FOLDER}: TensorFlow Java with the protobuf and JavaCPP it was built
 * against, outside the folders Fiji puts on its class path, so that Fiji's own protobuf (4.x)
 * and the TensorFlow 1.15 of the TensorFlow and CSBDeep update sites never meet it; ML4EM loads
 * it in its own class loader. Its native library jars are marked with their platforms (Linux x86-64
 * always; Windows, macOS on Apple silicon and Linux ARM after {@code mvn -Pall-platforms package});</li>
 * <li>{@code macros/ML4EM/}: the example macros;</li>
 * <li>{@code models/<name>/}: the shipped networks as bioimage.io model folders, where DeepImageJ
 * looks for models.</li>
 * </ul>
 * Libraries Fiji already ships are left out: shipping another version under the same name would
 * replace Fiji's own for every other plugin.
 */
public final class UpdateSiteFiles {

	/** Fiji ships these (ImageJ, SciJava, ImgLib2 and their libraries); slf4j-nop is only for the launcher. */
	private static final Pattern FIJI_SHIPS = Pattern.compile(
		"(ij|scijava-common|parsington|imglib2|slf4j-api|slf4j-nop|commons-lang3|lz4-java)-\\d.*\\.jar");

	private static final Pattern TENSORFLOW = Pattern.compile("(tensorflow-core-[a-z]+|ndarray|protobuf-java|javacpp)-\\d.*\\.jar");

	/** JavaCPP's platform classifiers and Fiji's names for the same platforms. */
	private static final Map<String, String> PLATFORMS = Map.of("linux-x86_64", "linux64", "linux-arm64", "linux-arm64", "macosx-x86_64",
		"macos64", "macosx-arm64", "macos-arm64", "windows-x86_64", "win64");

	private static final Pattern CLASSIFIER = Pattern.compile(".*-\\d[^-]*-((linux|macosx|windows)-(x86_64|arm64))(-gpu)?\\.jar");

	private UpdateSiteFiles() {}

	/**
	 * @param pluginJar the built ML4EM jar
	 * @param runtimeJars the folder holding its run-time dependencies ({@code target/lib})
	 * @param otherNatives a folder of TensorFlow's native jars for other platforms
	 *            ({@code target/natives}, made by {@code mvn -Pall-platforms package}), or null
	 * @param macros the folder of example macros
	 * @param models model folder name → a bioimage.io model folder
	 */
	public static List<SiteFile> of(Path pluginJar, Path runtimeJars, Path otherNatives, Path macros, Map<String, Path> models) throws IOException {
		List<SiteFile> files = new ArrayList<>();
		files.add(new SiteFile("plugins/" + pluginJar.getFileName(), pluginJar, List.of(),
			"ML4EM: machine learning for electron microscopy (pixel clustering, EELS zero-loss subtraction, atomic column finding, partial-scan completion)."));
		for (Path jar : list(runtimeJars, ".jar")) {
			String name = jar.getFileName().toString();
			if (FIJI_SHIPS.matcher(name).matches()) continue;
			if (TENSORFLOW.matcher(name).matches())
				files.add(tensorFlowFile(jar));
			else files.add(new SiteFile("jars/" + name, jar, platformOf(name), "Library used by ML4EM."));
		}
		if (otherNatives != null)
			for (Path jar : list(otherNatives, ".jar")) {
				String name = jar.getFileName().toString();
				if (!TENSORFLOW.matcher(name).matches() || platformOf(name).isEmpty())
					throw new IOException(jar + " is not a native jar of TensorFlow for one platform; " + otherNatives + " holds only those.");
				files.add(tensorFlowFile(jar));
			}
		for (Path macro : list(macros, ".ijm"))
			files.add(new SiteFile("macros/ML4EM/" + macro.getFileName(), macro, List.of(), "Example macro of ML4EM."));
		for (Map.Entry<String, Path> model : models.entrySet()) {
			try (Stream<Path> walk = Files.walk(model.getValue())) {
				for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator)
					files.add(new SiteFile("models/" + model.getKey() + "/" + model.getValue().relativize(f).toString().replace('\\', '/'), f, List.of(),
						"bioimage.io model of ML4EM (" + model.getKey() + "), for ML4EM and DeepImageJ."));
			}
		}
		return files;
	}

	/** {@return the name Fiji's updater matches a file by}: a jar's name without its version */
	public static String unversioned(String filename) {
		return FileUtils.stripFilenameVersion(filename);
	}

	/** A jar of TensorFlow Java, in the folder where {@link TensorFlow} looks for it, marked with its platform when it is a native one. */
	private static SiteFile tensorFlowFile(Path jar) {
		String name = jar.getFileName().toString();
		return new SiteFile(TensorFlow.FIJI_FOLDER + "/" + name, jar, platformOf(name), "TensorFlow Java for ML4EM, loaded in its own class loader.");
	}

	static List<String> platformOf(String jarName) {
		Matcher m = CLASSIFIER.matcher(jarName);
		if (!m.matches()) return List.of();
		String platform = PLATFORMS.get(m.group(1));
		if (platform == null) throw new IllegalArgumentException("No Fiji platform is known for " + m.group(1) + " (" + jarName + ").");
		return List.of(platform);
	}

	private static List<Path> list(Path folder, String suffix) throws IOException {
		if (!Files.isDirectory(folder)) throw new IOException("The folder " + folder + " does not exist; build the plugin first (mvn package).");
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
	}
}
