package org.ml4em.io.dm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ml4em.io.JsonReader;
import org.ml4em.io.TestBytes;

/** Where the DM test files are: bundled copies of a few, and {@code ../shared/data} when present. */
final class DmTestFiles {

	/** The real files copied into src/test/resources, tested in every clone. */
	static final List<String> BUNDLED = List.of("1D_test-EELS_spectrum.dm3", "2D_test-1.dm4", "3D_EELS_SI.dm4");

	private DmTestFiles() {}

	/** A file in {@code src/test/resources/org/ml4em/io/dm/}. */
	static Path bundled(String name) {
		return TestBytes.resource(DmTestFiles.class, name);
	}

	/** {@code ../shared/data} beside the project folder; it may not exist. */
	static Path sharedData() {
		Path project = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
		return project.resolve("../shared/data").normalize();
	}

	/** Whether {@code ../shared/data/dm} holds the full set of DM files. */
	static boolean haveShared() {
		return Files.isDirectory(sharedData().resolve("dm"));
	}

	/** Every DM file of the shared data, sorted by name. */
	static List<Path> shared() {
		try (Stream<Path> s = Files.list(sharedData().resolve("dm"))) {
			return s.filter(p -> p.toString().endsWith(".dm3") || p.toString().endsWith(".dm4")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The truth records of every file, by file name (the bundled copy, same as the shared one). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> truth() {
		try {
			return (Map<String, Object>) JsonReader.parse(Files.readString(bundled("dm_truth.json")));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The records of one file, one per signal; null when the truth does not list the file. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> truth(Map<String, Object> all, String file) {
		List<Map<String, Object>> records = (List<Map<String, Object>>) all.get(file);
		return records == null ? null : new ArrayList<>(records);
	}
}
