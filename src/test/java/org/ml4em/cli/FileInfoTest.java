package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.JsonReader;

/**
 * {@code ./ml4em info} reports, for every real file in ../shared/data, what the reference reader
 * found (dm_truth.json): shape and axes, dtype, mean, beam energy and exposure.
 * <p>
 * Axis order: {@code info} lists axes as stored, fastest first; HyperSpy lists them slowest first
 * after moving the signal axes last (it transposes DM spectrum images, which are stored as energy
 * planes). {@link #inHyperSpyOrder} makes the same move, a plain reversal for images and spectra.
 */
class FileInfoTest {

	private static final Path DATA = Path.of("..", "shared", "data");

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		out.reset();
		err.reset();
		return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	@SuppressWarnings("unchecked")
	@Test
	void everySharedFileMatchesTheReferenceReader() throws IOException {
		assumeTrue(Files.isRegularFile(DATA.resolve("dm_truth.json")), "../shared/data is not beside this clone; nothing to compare with");
		Map<String, Object> truth = (Map<String, Object>) JsonReader.parse(Files.readString(DATA.resolve("dm_truth.json")));
		int files = 0;
		for (Map.Entry<String, Object> entry : truth.entrySet()) {
			Path file = Files.exists(DATA.resolve("dm").resolve(entry.getKey())) ? DATA.resolve("dm").resolve(entry.getKey()) : DATA.resolve(entry.getKey());
			assertEquals(Main.OK, run("info", file.toString()), entry.getKey() + ": " + err.toString(StandardCharsets.UTF_8));
			Map<String, Object> info = (Map<String, Object>) JsonReader.parse(out.toString(StandardCharsets.UTF_8));
			List<Object> records = (List<Object>) entry.getValue();
			List<Object> signals = records.size() > 1 ? (List<Object>) info.get("signals") : List.of(info);
			assertEquals(records.size(), signals.size(), entry.getKey() + ": number of signals");
			for (int s = 0; s < records.size(); s++)
				compare(entry.getKey() + " signal " + s, (Map<String, Object>) records.get(s), (Map<String, Object>) signals.get(s));
			files++;
		}
		assertTrue(files >= 20, "only " + files + " files compared");
	}

	@SuppressWarnings("unchecked")
	private static void compare(String what, Map<String, Object> expected, Map<String, Object> actual) {
		List<Object> numpyShape = (List<Object>) expected.get("numpy_shape");
		List<Object> expectedAxes = (List<Object>) expected.get("axes");
		List<Map<String, Object>> axes = inHyperSpyOrder((List<Object>) actual.get("axes"));
		List<Object> shape = (List<Object>) actual.get("shape");
		assertEquals(numpyShape.size(), shape.size(), what + ": dimensions");
		for (int d = 0; d < shape.size(); d++) {
			Map<String, Object> e = (Map<String, Object>) expectedAxes.get(d), a = axes.get(d);
			assertEquals(numpyShape.get(d), a.get("size"), what + ": shape");
			assertEquals(e.get("name"), a.get("name"), what + ": axis " + d + " name");
			assertEquals(e.get("size"), a.get("size"), what + ": axis " + d + " size");
			assertEquals((Double) e.get("scale"), (Double) a.get("scale"), 1e-12 * Math.abs((Double) e.get("scale")), what + ": axis " + d + " scale");
			assertEquals((Double) e.get("offset"), (Double) a.get("offset"), 1e-9 * Math.max(1, Math.abs((Double) e.get("offset"))), what + ": axis " + d + " offset");
			assertEquals(e.get("units"), a.get("units"), what + ": axis " + d + " units");
		}
		for (int d = 0; d < shape.size(); d++)
			assertEquals(((Map<String, Object>) ((List<Object>) actual.get("axes")).get(d)).get("size"), shape.get(d), what + ": shape is in axis order");
		assertEquals(expected.get("dtype"), actual.get("dtype"), what + ": dtype");
		if (expected.get("mean") == null)
			assertEquals(null, actual.get("mean"), what + ": mean");
		else
			assertEquals((Double) expected.get("mean"), (Double) actual.get("mean"), 1e-9 * Math.abs((Double) expected.get("mean")), what + ": mean");
		for (String key : List.of("beam_energy_keV", "exposure_s"))
			if (expected.containsKey(key))
				assertEquals((Double) expected.get(key), (Double) actual.get(key), 1e-9, what + ": " + key);
	}

	/** Signal axes first, then navigation axes (each group as stored), all reversed. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> inHyperSpyOrder(List<Object> axes) {
		List<Map<String, Object>> order = new java.util.ArrayList<>();
		for (boolean navigate : new boolean[] { false, true })
			for (Object a : axes)
				if (((Map<String, Object>) a).get("navigate").equals(navigate))
					order.add((Map<String, Object>) a);
		java.util.Collections.reverse(order);
		return order;
	}

	@Test
	void aTiffStackIsDescribedAndBadFilesGiveOneSentence() throws IOException {
		assertEquals(Main.OK, run("info", "sample-images/haadf_stem.tif"));
		@SuppressWarnings("unchecked")
		Map<String, Object> info = (Map<String, Object>) JsonReader.parse(out.toString(StandardCharsets.UTF_8));
		assertEquals(List.of(512.0, 512.0), info.get("shape"));
		assertEquals("float32", info.get("dtype"));
		assertEquals(null, info.get("beam_energy_keV"));

		Path junk = Files.writeString(dir.resolve("junk.dm4"), "not a microscope file");
		assertEquals(Main.BAD_INPUT, run("info", junk.toString()));
		String message = err.toString(StandardCharsets.UTF_8).strip();
		assertTrue(message.startsWith("Error: junk.dm4 is not a file ML4EM can read"), message);
		assertEquals(1, message.lines().count(), message);

		assertEquals(Main.BAD_INPUT, run("info", dir.resolve("missing.dm3").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.dm3"), err.toString(StandardCharsets.UTF_8));
	}
}
