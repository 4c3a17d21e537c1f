package org.ml4em.io.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ml4em.Progress;
import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EmSignal;

/**
 * Real DM files against {@code dm_truth.json}, what HyperSpy's reader finds in them: data type,
 * shape, axes, mean, beam energy and exposure, one record per signal.
 * <p>
 * Axis order: ML4EM lists axes in storage order, fastest first; HyperSpy lists them slowest
 * first, after moving the signal axes to the end (it transposes DM spectrum images, stored as
 * energy planes, so that each spectrum is contiguous). {@link #inHyperSpyOrder} makes the same
 * move, which for images and spectra is a plain reversal.
 */
class DmTruthTest {

	private static final Map<String, Object> TRUTH = DmTestFiles.truth();

	@Test
	void bundledFilesMatchTheTruth() throws IOException {
		for (String name : DmTestFiles.BUNDLED)
			check(DmTestFiles.bundled(name));
	}

	@TestFactory
	Stream<DynamicTest> everySharedFileMatchesTheTruth() {
		if (!DmTestFiles.haveShared()) // one skipped test with the reason, which a report shows
			return Stream.of(DynamicTest.dynamicTest("shared data absent", () -> Assumptions.abort("../shared/data/dm "
				+ "is absent (a clone without the shared data): only the bundled copies are checked, by "
				+ "bundledFilesMatchTheTruth")));
		List<Path> files = DmTestFiles.shared();
		assertTrue(files.size() >= 20, "expected the 20 shared DM files, found " + files.size());
		return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
	}

	@Test
	void multiSignalFileGivesBothSignals() throws IOException {
		Assumptions.assumeTrue(DmTestFiles.haveShared(), "../shared/data/dm is absent");
		try (EmFile f = DmReader.read(DmTestFiles.sharedData().resolve("dm/2D_multi_signal.dm3"))) {
			assertEquals(List.of("HAADF", "Plot"), f.signals().stream().map(EmSignal::title).toList());
		}
	}

	private static void check(Path file) throws IOException {
		String name = file.getFileName().toString();
		List<Map<String, Object>> records = DmTestFiles.truth(TRUTH, name);
		assertNotNull(records, "no truth for " + name);
		try (EmFile f = EmFiles.open(file)) {
			assertEquals(name.endsWith(".dm3") ? "DM3" : "DM4", f.format(), name);
			assertEquals(records.size(), f.signals().size(), name + ": number of signals");
			for (int i = 0; i < records.size(); i++)
				checkSignal(name + " signal " + i, records.get(i), f.signals().get(i));
		}
	}

	@SuppressWarnings("unchecked")
	private static void checkSignal(String what, Map<String, Object> truth, EmSignal s) {
		assertEquals(truth.get("dtype"), s.type().dtype(), what + ": dtype");
		assertEquals(truth.get("title"), s.title(), what + ": title");
		assertEquals(truth.get("signal_type"), s.signalType(), what + ": signal type");
		List<Axis> axes = inHyperSpyOrder(s.axes());
		List<Double> shape = (List<Double>) truth.get("numpy_shape");
		assertEquals(shape.stream().map(Double::longValue).toList(), axes.stream().map(Axis::size).toList(),
			what + ": shape");
		List<Map<String, Object>> truthAxes = (List<Map<String, Object>>) truth.get("axes");
		for (int d = 0; d < axes.size(); d++)
			checkAxis(what + " axis " + d, truthAxes.get(d), axes.get(d));
		Double mean = (Double) truth.get("mean");
		if (mean == null)
			assertTrue(Double.isNaN(s.mean(Progress.NONE)), what + ": complex data have no mean");
		else
			assertEquals(mean, s.mean(Progress.NONE), Math.abs(mean) * 1e-9, what + ": mean");
		assertEquals((Double) truth.get("beam_energy_keV"), s.acquisition().beamEnergyKeV(), what + ": beam energy");
		Double exposure = (Double) truth.get("exposure_s");
		if (exposure == null)
			assertNull(s.acquisition().exposureSeconds(), what + ": exposure");
		else
			assertEquals(exposure, s.acquisition().exposureSeconds(), exposure * 1e-12, what + ": exposure");
	}

	private static void checkAxis(String what, Map<String, Object> truth, Axis axis) {
		assertEquals(truth.get("name"), axis.name(), what + ": name");
		assertEquals(((Double) truth.get("size")).longValue(), axis.size(), what + ": size");
		assertEquals((Double) truth.get("scale"), axis.scale(), 1e-12 * Math.abs(axis.scale()), what + ": scale");
		assertEquals((Double) truth.get("offset"), axis.offset(), 1e-12 * Math.abs(axis.offset()), what + ": offset");
		assertEquals(truth.get("units"), axis.units(), what + ": units");
	}

	/** Signal axes first, then navigation axes (each group in storage order), all reversed. */
	static List<Axis> inHyperSpyOrder(List<Axis> axes) {
		List<Axis> order = new ArrayList<>();
		axes.stream().filter(a -> !a.navigate()).forEach(order::add);
		axes.stream().filter(Axis::navigate).forEach(order::add);
		Collections.reverse(order);
		return order;
	}
}
