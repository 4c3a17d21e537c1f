package org.ml4em;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the tests in a JVM of its own, with the test class path and the given JVM
 * options (a small heap, --add-opens…). Its output goes to a file, not a pipe, so the time limit
 * holds whatever the child does; what it printed is echoed into the test report.
 */
public final class ChildJvm {

	/** What the child left behind: its exit code and everything it printed (stdout and stderr). */
	public record Run(int exitCode, String printed) {}

	private ChildJvm() {}

	/**
	 * Runs the class and waits for it.
	 *
	 * @param jvmOptions options before the class name, e.g. "-Xmx128m"
	 * @param main the class with the main method
	 * @param args its arguments
	 * @param timeoutSeconds how long to wait before killing it
	 * @return exit code and output
	 * @throws IllegalStateException when the child did not finish in time (with what it printed)
	 */
	public static Run run(List<String> jvmOptions, Class<?> main, List<String> args, long timeoutSeconds)
		throws IOException, InterruptedException
	{
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(args);
		Path output = Files.createTempFile("child-jvm", ".txt");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			process.getOutputStream().close();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(output));
			}
			String printed = Files.readString(output);
			System.out.print(printed);
			return new Run(process.exitValue(), printed);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}
}
