package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The YAML of bioimage.io model descriptions, in the styles found in the model zoo (format 0.4 and 0.5). */
class YamlReaderTest {

	private static final String RDF_04 = String.join("\n",
		"# a model description in the 0.4 style",
		"format_version: 0.4.10",
		"type: model",
		"name: 'UNet 2D Nuclei Broad'",
		"description: \"A 2d U-Net trained on the nuclei \\\"broad\\\" dataset.\"",
		"authors:",
		"  - name: Jane Doe   # a comment after a value",
		"    affiliation: EMBL",
		"  - {name: John Roe, github_user: jroe}",
		"cite:",
		"- text: \"Ronneberger et al. U-Net: Convolutional Networks\"",
		"  doi: 10.1007/978-3-319-24574-4_28",
		"tags: [unet2d, fluorescence-light-microscopy, nuclei,",
		"  segmentation]",
		"documentation: |",
		"  # Heading",
		"  Line one.",
		"",
		"  Line three: with a colon.",
		"notes: >-",
		"  folded",
		"  text",
		"test_inputs: [test_input.npy]",
		"inputs:",
		"  - name: input0",
		"    axes: bcyx",
		"    data_type: float32",
		"    data_range: [-.inf, .inf]",
		"    shape:",
		"      min: [1, 1, 64, 64]",
		"      step: [0, 0, 16, 16]",
		"    preprocessing:",
		"      - name: zero_mean_unit_variance",
		"        kwargs: {mode: per_sample, axes: xy, eps: 1.0e-6}",
		"weights:",
		"  tensorflow_saved_model_bundle:",
		"    source: https://zenodo.org/record/1/files/tf.zip",
		"    sha256: ~",
		"    tensorflow_version: '1.15'",
		"empty:",
		"flag: true",
		"");

	@SuppressWarnings("unchecked")
	@Test
	void readsAModelDescription() throws IOException {
		Map<String, Object> rdf = (Map<String, Object>) YamlReader.parse(RDF_04);
		assertEquals("0.4.10", rdf.get("format_version"));
		assertEquals("UNet 2D Nuclei Broad", rdf.get("name"));
		assertEquals("A 2d U-Net trained on the nuclei \"broad\" dataset.", rdf.get("description"));
		List<Map<String, Object>> authors = (List<Map<String, Object>>) rdf.get("authors");
		assertEquals(Map.of("name", "Jane Doe", "affiliation", "EMBL"), authors.get(0));
		assertEquals(Map.of("name", "John Roe", "github_user", "jroe"), authors.get(1));
		List<Map<String, Object>> cite = (List<Map<String, Object>>) rdf.get("cite");
		assertEquals("Ronneberger et al. U-Net: Convolutional Networks", cite.get(0).get("text"));
		assertEquals("10.1007/978-3-319-24574-4_28", cite.get(0).get("doi"));
		assertEquals(List.of("unet2d", "fluorescence-light-microscopy", "nuclei", "segmentation"), rdf.get("tags"));
		assertEquals("# Heading\nLine one.\n\nLine three: with a colon.\n", rdf.get("documentation"));
		assertEquals("folded text", rdf.get("notes"));
		Map<String, Object> input = ((List<Map<String, Object>>) rdf.get("inputs")).get(0);
		assertEquals("bcyx", input.get("axes"));
		assertEquals(List.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), input.get("data_range"));
		assertEquals(List.of(1L, 1L, 64L, 64L), ((Map<String, Object>) input.get("shape")).get("min"));
		Map<String, Object> pre = ((List<Map<String, Object>>) input.get("preprocessing")).get(0);
		assertEquals(Map.of("mode", "per_sample", "axes", "xy", "eps", 1.0e-6), pre.get("kwargs"));
		Map<String, Object> tf = (Map<String, Object>) ((Map<String, Object>) rdf.get("weights")).get("tensorflow_saved_model_bundle");
		assertEquals("https://zenodo.org/record/1/files/tf.zip", tf.get("source"));
		assertNull(tf.get("sha256"));
		assertEquals("1.15", tf.get("tensorflow_version"));
		assertTrue(rdf.containsKey("empty"));
		assertNull(rdf.get("empty"));
		assertEquals(Boolean.TRUE, rdf.get("flag"));
	}

	@Test
	void refusesWhatItDoesNotCoverNamingTheLine() {
		IOException e = assertThrows(IOException.class, () -> YamlReader.parse("a: 1\nb: &anchor 2\n"));
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
		assertThrows(IOException.class, () -> YamlReader.parse("a: 1\na: 2\n"));
		assertThrows(IOException.class, () -> YamlReader.parse("a: [1, 2\n"));
		assertThrows(IOException.class, () -> YamlReader.parse("a:\n\tb: 1\n"));
	}
}
