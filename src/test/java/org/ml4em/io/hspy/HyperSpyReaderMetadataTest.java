package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ml4em.io.hspy.HyperSpyTestFiles.at;
import static org.ml4em.io.hspy.HyperSpyTestFiles.readFirst;
import static org.ml4em.io.hspy.HyperSpyTestFiles.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.MappedValues;

/**
 * Metadata across HyperSpy's file format versions: the encodings of lists, tuples, None and bools,
 * the 1.x names and places of fields, and the acquisition settings ML4EM collects from them.
 */
class HyperSpyReaderMetadataTest {

	@Test
	void listsTuplesNoneAndBoolsAreDecoded() throws IOException {
		Map<String, Object> original = metadata(readFirst(resource("eels_si_v3.1.hspy")), "original_metadata");
		assertEquals(List.of(1L, 2L, 3L), original.get("numbers"));
		assertEquals(List.of(0.5, 1.5), original.get("floats")); // a tuple
		// HyperSpy stores lists of strings as variable-length strings with a shuffle filter without
		// parameters, which jhdf 0.13 cannot decode; such a list is left out, the rest is read
		assertFalse(original.containsKey("strings"));
		assertEquals(List.of(1L, Map.of("a", 2L), 3.0), original.get("mixed"));
		assertEquals(List.of(List.of(1L, 2L), List.of(3L, 4L)), original.get("nested"));
		assertEquals(List.of(), original.get("empty_list"));
		assertEquals(List.of(), original.get("empty_tuple"));
		assertFalse(original.containsKey("nothing"), "None is left out");
		assertEquals(Boolean.TRUE, original.get("flag"));
		assertEquals("Ångström µm", original.get("unicode"));
		assertEquals(42L, at(original, "deep", "level1", "level2", "value"));
	}

	@Test
	void acquisitionOfAnEelsSpectrumImage() throws IOException {
		EmSignal s = readFirst(resource("eels_si_v3.1.hspy"));
		assertEquals(new AcquisitionInfo(200.0, 0.5, 0.1, "Test TEM", "EELS", "2021-03-04 05:06:07"), s.acquisition());
		assertEquals("EELS", s.signalType());
		assertEquals(List.of(false, true, true), s.axes().stream().map(a -> a.navigate()).toList());
		assertEquals(0, s.energyAxis());
		assertEquals(20.0, at(metadata(s, "metadata"), "Acquisition_instrument", "TEM", "Detector", "EELS", "collection_angle"));
	}

	@Test
	void version1_0UsesMappedParametersAndByteStrings() throws IOException {
		EmSignal s = readFirst(resource("example1_v1.0.hdf5"));
		assertEquals("NIO EELS OK SHELL", s.title());
		assertEquals("EELS", s.signalType());
		// TEM/dwell_time = 100 with dwell_time_units = "ms"
		assertEquals(0.1, s.acquisition().exposureSeconds(), 1e-15);
		assertEquals(120.0, s.acquisition().beamEnergyKeV());
		assertEquals(3.1, s.acquisition().dispersionEvPerChannel());
		assertEquals("EELS", s.acquisition().detector());
		assertEquals("eV", at(metadata(s, "original_metadata"), "XUNITS"));
	}

	@Test
	void version1_2DatetimeReprsBecomeIsoStrings() throws IOException {
		EmSignal s = readFirst(resource("example1_v1.2.hdf5"));
		assertEquals("1991-10-01", at(metadata(s, "metadata"), "General", "date"));
		assertEquals("12:00:00", at(metadata(s, "metadata"), "General", "time"));
		assertEquals("1991-10-01 12:00:00", s.acquisition().acquisitionDate());
	}

	@Test
	void fileTagsHoldRootAttributesAndDescribeData() throws IOException {
		try (EmFile f = HyperSpyReader.read(resource(HyperSpyTestFiles.EXAMPLE))) {
			assertEquals("HyperSpy", f.tags().get("file_format"));
			assertEquals("3.1", f.tags().get("file_format_version"));
			Map<String, Object> tags = f.tags();
			assertEquals("int32 array of shape [16, 16]", at(tags, "Experiments", "test_diffraction_pattern", "data"));
			assertEquals(Boolean.FALSE, at(tags, "Experiments", "test_diffraction_pattern", "axis-0", "navigate"));
			assertEquals("FEI Tecnai", f.signal().acquisition().microscope());
			assertEquals(0.2, f.signal().acquisition().exposureSeconds());
		}
	}

	@Test
	void groupJhdfCannotParseIsSkippedNotFatal() throws IOException {
		// metadata/test holds a NumPy void attribute (a pickle) that jhdf 0.13 cannot parse
		try (EmFile f = HyperSpyReader.read(resource("with_lists_etc.hdf5"))) {
			assertEquals(4.5, f.signal().mean(Progress.NONE));
		}
		Map<String, Object> metadata = metadata(readFirst(resource("with_lists_etc.hdf5")), "metadata");
		assertEquals(Map.of(), metadata.get("test"));
		// a signal stored inside metadata (_sig_variance) becomes a map under "variance"
		assertEquals("int64 array of shape [10]", at(metadata, "Signal", "Noise_properties", "variance", "data"));
		assertEquals(1L, at(metadata, "Signal", "Noise_properties", "Variance_linear_model", "gain_factor"));
	}

	@Test
	void complexValuesAreReportedAndRefused() throws IOException {
		try (EmFile f = HyperSpyReader.read(resource("complex_v3.1.hspy"))) {
			EmSignal s = f.signal();
			assertEquals(ElementType.COMPLEX64, s.type());
			assertEquals(6, s.size());
			BadInputException e = assertThrows(BadInputException.class, () -> s.values().get(0));
			assertTrue(e.getMessage().contains("complex64"), e.getMessage());
			assertThrows(BadInputException.class, s::image);
		}
	}

	@Test
	void valuesOfAClosedFileCannotBeRead() throws IOException {
		EmSignal s = readFirst(resource("eels_si_v3.1.hspy")); // chunked: read through jhdf
		UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> s.values().get(0));
		assertTrue(e.getMessage().contains("eels_si_v3.1.hspy"), e.getMessage());
	}

	@Test
	void contiguousValuesAreMemoryMapped(@TempDir Path dir) throws IOException {
		Path copy = dir.resolve("contiguous.hspy");
		try (EmFile f = HyperSpyReader.read(resource(HyperSpyTestFiles.EXAMPLE))) {
			HyperSpyWriter.write(f.signal(), copy, false);
		}
		try (EmFile f = HyperSpyReader.read(copy)) {
			assertInstanceOf(MappedValues.class, f.signal().values());
			assertEquals(980.1171875, f.signal().mean(Progress.NONE));
		}
		// a mapping outlives the file: values stay readable after close
		EmSignal closed = readFirst(copy);
		assertEquals(980.1171875, closed.mean(Progress.NONE));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadata(EmSignal s, String tree) {
		return (Map<String, Object>) s.metadata().get(tree);
	}
}
