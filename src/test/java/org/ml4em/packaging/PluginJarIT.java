package org.ml4em.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** Runs after {@code package}: the jar Fiji loads holds what Fiji needs, and nothing it must not. */
class PluginJarIT {

	@Test
	void jarHoldsPluginsConfigAndTheSciJavaIndex() throws IOException {
		try (JarFile jar = new JarFile(ChildJvm.pluginJar().toFile())) {
			assertNotNull(jar.getEntry("plugins.config"), "plugins.config missing");
			String config = new String(jar.getInputStream(jar.getEntry("plugins.config")).readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(config.contains("Plugins>ML4EM, \"K-means Clustering\", org.ml4em.ij.KMeansClustering_"), config);
			assertNotNull(jar.getEntry("org/ml4em/ij/KMeansClustering_.class"), "the class plugins.config names is in the jar");
			var index = jar.getEntry("META-INF/json/org.scijava.plugin.Plugin");
			assertNotNull(index, "SciJava annotation index missing");
			String json = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(json.contains("\"class\":\"org.ml4em.commands.KMeansClusteringCommand\""), json);
			assertTrue(json.contains("\"menuPath\":\"Plugins>ML4EM>K-means Clustering\""), json);
		}
	}

	@Test
	void fijiOwnLibrariesAreNotShaded() throws IOException {
		try (JarFile jar = new JarFile(ChildJvm.pluginJar().toFile())) {
			List<String> foreign = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
				.filter(n -> !n.startsWith("org/ml4em/")).toList();
			assertEquals(List.of(), foreign, "only ML4EM classes belong in the plugin jar");
		}
	}
}
