package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ml4em.io.hspy.HyperSpyTestFiles.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ml4em.Progress;
import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EmSignal;
import org.ml4em.io.JsonReader;

/**
 * Every test file against what a reference reader finds in it: HyperSpy 1.7.3 for all of them
 * ({@code hspy_truth.json}), and the project's shared truth ({@code ../shared/data/dm_truth.json})
 * for the RosettaSciIO example. NumPy lists axes slowest first; ML4EM fastest first.
 */
class HyperSpyReaderTruthTest {

	private static final Path SHARED_TRUTH = Path.of("..", "shared", "data", "dm_truth.json");

	@Test
	void exampleMatchesSharedTruth() throws IOException {
		Assumptions.assumeTrue(Files.exists(SHARED_TRUTH), "../shared/data absent: " + SHARED_TRUTH.toAbsolutePath());
		Map<?, ?> all = (Map<?, ?>) JsonReader.parse(Files.readString(SHARED_TRUTH));
		List<?> records = (List<?>) all.get(HyperSpyTestFiles.EXAMPLE);
		assertEquals(1, records.size());
		try (EmFile f = EmFiles.open(resource(HyperSpyTestFiles.EXAMPLE))) {
			assertEquals("HyperSpy", f.format());
			assertEquals(1, f.signals().size());
			assertMatches((Map<?, ?>) records.get(0), f.signal(), HyperSpyTestFiles.EXAMPLE);
		}
	}

	@Test
	void everyTestFileMatchesHyperSpy() throws IOException {
		Map<String, Object> truth = HyperSpyTestFiles.truth();
		assertTrue(truth.size() >= 8, "truth lists " + truth.keySet());
		for (Map.Entry<String, Object> e : truth.entrySet()) {
			try (EmFile f = HyperSpyReader.read(resource(e.getKey()))) {
				assertEquals(1, f.signals().size(), e.getKey());
				assertMatches((Map<?, ?>) e.getValue(), f.signal(), e.getKey());
			}
		}
	}

	private static void assertMatches(Map<?, ?> expected, EmSignal s, String file) {
		assertEquals(expected.get("title"), s.title(), file + " title");
		assertEquals(expected.get("signal_type"), s.signalType(), file + " signal type");
		assertEquals(expected.get("dtype"), s.type().dtype(), file + " dtype");
		List<?> numpyShape = (List<?>) expected.get("numpy_shape");
		List<?> axes = (List<?>) expected.get("axes");
		assertEquals(numpyShape.size(), s.axes().size(), file + " rank");
		for (int i = 0; i < numpyShape.size(); i++) {
			int d = numpyShape.size() - 1 - i; // NumPy axis i is our axis d
			assertEquals(((Number) numpyShape.get(i)).longValue(), s.shape()[d], file + " shape");
			assertAxis((Map<?, ?>) axes.get(i), s.axes().get(d), file + " axis " + d);
		}
		Object mean = expected.get("mean");
		if (mean == null) {
			assertTrue(Double.isNaN(s.mean(Progress.NONE)), file + " has no mean");
		} else {
			double m = ((Number) mean).doubleValue();
			assertEquals(m, s.mean(Progress.NONE), 1e-9 * Math.abs(m), file + " mean");
		}
		Object beam = expected.get("beam_energy_keV");
		if (beam == null)
			assertNull(s.acquisition().beamEnergyKeV(), file + " beam energy");
		else
			assertEquals(((Number) beam).doubleValue(), s.acquisition().beamEnergyKeV(), file + " beam energy");
	}

	private static void assertAxis(Map<?, ?> expected, Axis axis, String what) {
		assertEquals(expected.get("name"), axis.name(), what + " name");
		assertEquals(((Number) expected.get("size")).longValue(), axis.size(), what + " size");
		assertEquals(((Number) expected.get("scale")).doubleValue(), axis.scale(), what + " scale");
		assertEquals(((Number) expected.get("offset")).doubleValue(), axis.offset(), what + " offset");
		assertEquals(expected.get("units"), axis.units(), what + " units");
		if (expected.containsKey("navigate"))
			assertEquals(expected.get("navigate"), axis.navigate(), what + " navigate");
	}
}
