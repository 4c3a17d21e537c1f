package org.ml4em.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the integration tests need to run ML4EM as Fiji or a user would: the packaged jar, and a separate JVM. */
final class ChildJvm {

	private ChildJvm() {}

	/** The plugin jar {@code mvn package} made in target/. */
	static Path pluginJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("ML4EM_-.*\\.jar") && !f.toString().contains("-sources")
				&& !f.toString().contains("-tests")).findFirst().orElseThrow(() -> new AssertionError("no ML4EM_ jar in target/: run mvn package first"));
		}
	}

	/** This JVM's java executable. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Runs {@code command} with TensorFlow's start-up chatter off, its output in {@code dir}, and
	 * fails unless it ends within 5 minutes with exit code 0.
	 *
	 * @return its standard output followed by its standard error
	 */
	static String run(List<String> command, Path dir) throws IOException, InterruptedException {
		Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
		ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		Process p = pb.start();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), command + " did not finish");
		String output = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), command + ":\n" + output);
		return output;
	}
}
