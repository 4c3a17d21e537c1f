package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.JsonReader;
import org.ml4em.io.TagTrees;
import org.ml4em.io.TestBytes;

/** Test files of {@code src/test/resources/org/ml4em/io/hspy/} and helpers shared by the HyperSpy tests. */
final class HyperSpyTestFiles {

	/** The RosettaSciIO file whose truth is also in the shared data's dm_truth.json. */
	static final String EXAMPLE = "example2_v3.1.hspy";

	private HyperSpyTestFiles() {}

	/** {@return a test resource's path} @param name file name */
	static Path resource(String name) {
		return TestBytes.resource(HyperSpyTestFiles.class, name);
	}

	/** {@return hspy_truth.json: what HyperSpy 1.7.3 reads from each test file} */
	@SuppressWarnings("unchecked")
	static Map<String, Object> truth() throws IOException {
		return (Map<String, Object>) JsonReader.parse(Files.readString(resource("hspy_truth.json")));
	}

	/** {@return every value of a signal, in storage order} @param s a signal with real values */
	static double[] values(EmSignal s) {
		double[] v = new double[Math.toIntExact(s.size())];
		s.values().read(0, v, 0, v.length);
		return v;
	}

	/** {@return a nested metadata value} @param map a tree @param path keys */
	static Object at(Map<String, Object> map, String... path) {
		return TagTrees.get(map, path);
	}

	/** {@return the file's only signal, read and closed again} @param file a HyperSpy file */
	static EmSignal readFirst(Path file) throws IOException {
		try (EmFile f = HyperSpyReader.read(file)) {
			return f.signal();
		}
	}
}
