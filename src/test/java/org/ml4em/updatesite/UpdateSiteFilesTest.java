package org.ml4em.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file lands where in Fiji, and for which platforms. */
class UpdateSiteFilesTest {

	@TempDir
	Path dir;

	private Path file(String path) throws IOException {
		Path f = dir.resolve(path);
		Files.createDirectories(f.getParent());
		return Files.writeString(f, path);
	}

	@Test
	void eachFileGoesWhereFijiExpectsItAndFijisOwnLibrariesStayOut() throws IOException {
		Path jar = file("target/ML4EM_-1.0.jar");
		for (String lib : List.of("ij-1.54p.jar", "imglib2-8.0.0.jar", "scijava-common-2.100.1.jar", "slf4j-nop-2.0.17.jar", "lz4-java-1.11.1.jar",
			"jhdf-0.13.0.jar", "tensorflow-core-api-1.1.0.jar", "tensorflow-core-native-1.1.0-linux-x86_64.jar", "protobuf-java-3.21.9.jar"))
			file("target/lib/" + lib);
		for (String n : List.of("tensorflow-core-native-1.1.0-windows-x86_64.jar", "tensorflow-core-native-1.1.0-macosx-arm64.jar",
			"tensorflow-core-native-1.1.0-linux-arm64.jar"))
			file("target/natives/" + n);
		file("macros/a.ijm");
		file("model/rdf.yaml");
		file("model/variables/variables.index");
		Map<String, List<String>> placed = new TreeMap<>();
		for (SiteFile f : UpdateSiteFiles.of(jar, dir.resolve("target/lib"), dir.resolve("target/natives"), dir.resolve("macros"),
			Map.of("ML4EM_x", dir.resolve("model"))))
			placed.put(f.filename(), f.platforms());
		assertEquals(new TreeMap<>(Map.ofEntries(
			Map.entry("plugins/ML4EM_-1.0.jar", List.of()),
			Map.entry("jars/jhdf-0.13.0.jar", List.of()),
			Map.entry("lib/ml4em-tensorflow/tensorflow-core-api-1.1.0.jar", List.of()),
			Map.entry("lib/ml4em-tensorflow/protobuf-java-3.21.9.jar", List.of()),
			Map.entry("lib/ml4em-tensorflow/tensorflow-core-native-1.1.0-linux-x86_64.jar", List.of("linux64")),
			Map.entry("lib/ml4em-tensorflow/tensorflow-core-native-1.1.0-windows-x86_64.jar", List.of("win64")),
			Map.entry("lib/ml4em-tensorflow/tensorflow-core-native-1.1.0-macosx-arm64.jar", List.of("macos-arm64")),
			Map.entry("lib/ml4em-tensorflow/tensorflow-core-native-1.1.0-linux-arm64.jar", List.of("linux-arm64")),
			Map.entry("macros/ML4EM/a.ijm", List.of()),
			Map.entry("models/ML4EM_x/rdf.yaml", List.of()),
			Map.entry("models/ML4EM_x/variables/variables.index", List.of()))), placed);
		assertEquals(List.of("linux64"), UpdateSiteFiles.platformOf("tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar"), "the GPU build is Linux x86-64");

		file("target/natives/notes.jar");
		assertThrows(IOException.class, () -> UpdateSiteFiles.of(jar, dir.resolve("target/lib"), dir.resolve("target/natives"), dir.resolve("macros"), Map.of()));
	}
}
