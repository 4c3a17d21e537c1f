package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.io.AcquisitionInfo;

class AcquisitionSettingsTest {

	private static AcquisitionInfo recorded(Double keV, Double seconds) {
		return new AcquisitionInfo(keV, seconds, 0.01, null, null, null);
	}

	private static final List<String> FILES = List.of("a.dm4", "b.dm4");

	@Test
	void autoUsesWhatDiffersBetweenTheFiles() {
		AcquisitionSettings s = AcquisitionSettings.resolve("auto", FILES, List.of(recorded(200.0, 0.05), recorded(200.0, 0.2)), "", "");
		assertEquals(List.of("exposure_s"), s.names());
		assertArrayEquals(new double[] { 0.2 }, s.values().get(1));
		AcquisitionSettings both = AcquisitionSettings.resolve("auto", FILES, List.of(recorded(80.0, 0.05), recorded(300.0, 0.2)), "", "");
		assertEquals(List.of("beam_energy_keV", "exposure_s"), both.names());
		assertTrue(AcquisitionSettings.resolve("auto", FILES, List.of(recorded(200.0, null), recorded(300.0, 0.2)), "", "").names()
			.equals(List.of("beam_energy_keV")), "a setting unknown for one file is left out by auto");
		assertTrue(AcquisitionSettings.resolve("none", FILES, List.of(recorded(80.0, 0.05), recorded(300.0, 0.2)), "", "").none());
		assertTrue(AcquisitionSettings.resolve("auto", List.of("a.dm4"), List.of(recorded(80.0, 0.05)), "", "").none());
	}

	@Test
	void parametersOverrideTheMetadata() {
		AcquisitionSettings s = AcquisitionSettings.resolve("beam_energy", FILES, List.of(AcquisitionInfo.UNKNOWN, AcquisitionInfo.UNKNOWN), "60, 300",
			"");
		assertEquals(List.of("beam_energy_keV"), s.names());
		assertArrayEquals(new double[] { 60 }, s.values().get(0));
		assertArrayEquals(new double[] { 300 }, s.values().get(1));
	}

	@Test
	void refusesWhatCannotBeUsed() {
		List<AcquisitionInfo> unknown = List.of(AcquisitionInfo.UNKNOWN, AcquisitionInfo.UNKNOWN);
		assertTrue(assertThrows(BadInputException.class, () -> AcquisitionSettings.resolve("exposure", FILES, unknown, "", "")).getMessage()
			.startsWith("the exposure of a.dm4 is not in its metadata; give exposures="));
		assertTrue(assertThrows(BadInputException.class, () -> AcquisitionSettings.resolve("tilt", FILES, unknown, "", "")).getMessage()
			.contains("'tilt' is not known"));
		assertTrue(assertThrows(BadInputException.class, () -> AcquisitionSettings.resolve("auto", FILES, unknown, "", "0.1")).getMessage()
			.contains("has 1 values for 2 files"));
		assertTrue(assertThrows(BadInputException.class, () -> AcquisitionSettings.resolve("auto", FILES, unknown, "", "0.1,-2")).getMessage()
			.contains("expected positive values in s"));
		assertTrue(assertThrows(BadInputException.class, () -> AcquisitionSettings.resolve("beam_energy", FILES,
			List.of(recorded(200.0, null), recorded(200.0, null)), "", "")).getMessage().contains("every file has the same beam energy"));
		assertTrue(assertThrows(BadInputException.class, () -> AcquisitionSettings.resolve("exposure", List.of("a.dm4"), List.of(AcquisitionInfo.UNKNOWN),
			"", "0.1")).getMessage().contains("at least two settings"));
	}
}
