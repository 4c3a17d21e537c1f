package org.ml4em.ij;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ml4em.ChildJvm;

import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs an ImageJ macro in a headless, patched ImageJ 1.x (ij1-patcher's
 * {@link LegacyEnvironment}) in a JVM of its own, as a batch user without a display would.
 * <p>
 * Why a separate JVM: ij1-patcher 2.0.0 patches ImageJ's classes through
 * {@code ClassLoader.findLoadedClass}/{@code defineClass} by reflection, which Java 17 allows
 * only with {@code --add-opens=java.base/java.lang=ALL-UNNAMED} (without it: "No _hooks field
 * found in ij.IJ"). The forked JVM gets that option without touching the build's surefire
 * settings, and it also keeps ImageJ's static state and TensorFlow's native library out of the
 * test JVM.
 * <p>
 * The patched ImageJ lives in its own class loader (ij.jar only); its plugin class loader gets
 * the class path minus ij.jar and the test classes, so {@code target/classes/plugins.config}
 * puts "K-means Clustering" in the menus and the plugin finds the engine, ImgLib2 and TensorFlow.
 */
final class HeadlessMacro {

	private static final long TIMEOUT_SECONDS = 300;

	private HeadlessMacro() {}

	/** Runs the macro in {@code macroFile} with {@code argument} (for {@code getArgument()}); returns what ImageJ printed. */
	static ChildJvm.Run run(Path macroFile, String argument) throws IOException, InterruptedException {
		return ChildJvm.run(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED", "-Djava.awt.headless=true"), HeadlessMacro.class,
			List.of(macroFile.toAbsolutePath().toString(), argument), TIMEOUT_SECONDS);
	}

	/** {@code HeadlessMacro <macro file> [<argument>]}, run by {@link #run} in a fresh JVM. */
	public static void main(String[] args) throws IOException, ClassNotFoundException {
		LegacyEnvironment imageJ = new LegacyEnvironment(null, true);
		imageJ.disableIJ1PluginDirs(); // no ~/.plugins or ij1.plugin.dirs of the machine running the tests
		imageJ.addPluginClasspath(pluginClasspath());
		imageJ.runMacro(Files.readString(Path.of(args[0])), args.length > 1 ? args[1] : "");
		System.exit(0); // ImageJ may leave non-daemon threads behind
	}

	private static File[] pluginClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new)
			.filter(f -> !f.getName().matches("ij-[0-9].*\\.jar") && !f.getName().equals("test-classes")).toArray(File[]::new);
	}
}
