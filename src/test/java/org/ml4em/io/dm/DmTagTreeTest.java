package org.ml4em.io.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.TagTrees;

/** What the reader makes of the tags of real files: tree values, names, and what is derived from them. */
class DmTagTreeTest {

	@Test
	void tagValuesBecomeJavaValues() throws IOException {
		try (EmFile f = DmReader.read(DmTestFiles.bundled("1D_test-EELS_spectrum.dm3"))) {
			Map<String, Object> tags = f.tags();
			Map<String, Object> image = DmTags.group(tags, "ImageList", "TagGroup1");
			// uint16 arrays are text; floats Double; integers Long; booleans Boolean; structs Lists
			assertEquals("EELS Acquire", image.get("Name"));
			assertEquals("eV", TagTrees.get(image, "ImageData", "Calibrations", "Dimension", "TagGroup0", "Units"));
			assertEquals(0.5, TagTrees.get(image, "ImageData", "Calibrations", "Dimension", "TagGroup0", "Scale"));
			assertEquals(2048L, TagTrees.get(image, "ImageData", "Dimensions", "Data0"));
			assertEquals(Boolean.TRUE, TagTrees.get(image, "ImageData", "Calibrations", "DisplayCalibratedUnits"));
			assertEquals(List.of(14.0, 14.0), TagTrees.get(image, "ImageTags", "Acquisition", "Device", "CCD", "Pixel Size (um)"));
			assertEquals(List.of(0L, 0L, 830L, 1410L), tags.get("ApplicationBounds"));
			assertEquals(0L, TagTrees.get(tags, "Thumbnails", "TagGroup0", "ImageIndex"));
			// image data and long arrays stay in the file, described where they are
			Map<?, ?> data = (Map<?, ?>) TagTrees.get(image, "ImageData", "Data");
			assertEquals(Map.of("offset", 305431L, "size", 2048L, "size_bytes", 8192L, "type", "float32", "endian", "little"), data);
			List<?> dark = (List<?>) TagTrees.get(image, "ImageTags", "EELS", "Acquisition", "HQ Dark Correction",
				"HQ dark correction");
			assertEquals(2048, dark.size(), "arrays up to 4096 elements are read");
			assertEquals(image, f.signal().metadata());
		}
	}

	@Test
	void eelsSpectrumAcquisition() throws IOException {
		try (EmFile f = DmReader.read(DmTestFiles.bundled("1D_test-EELS_spectrum.dm3"))) {
			EmSignal s = f.signal();
			assertEquals(1, f.signals().size(), "the RGB thumbnail is left out");
			assertEquals(new AcquisitionInfo(200.0, 0.0034999999999999996, 0.5, "FEI Titan", "US1000FTXP 1",
				"8/8/2016 7:35:17 PM"), s.acquisition());
			assertEquals(List.of(new Axis("Energy loss", 2048, 0.5, -100, "eV", false)), s.axes());
		}
	}

	@Test
	void spectrumImageKeepsStorageOrderWithEnergySlowest() throws IOException {
		try (EmFile f = DmReader.read(DmTestFiles.bundled("3D_EELS_SI.dm4"))) {
			EmSignal s = f.signal();
			assertEquals(List.of("x", "y", "Energy loss"), s.axes().stream().map(Axis::name).toList());
			assertEquals(List.of(true, true, false), s.axes().stream().map(Axis::navigate).toList());
			assertEquals(2, s.energyAxis());
			assertEquals("µm", s.axes().get(0).units());
			AcquisitionInfo info = s.acquisition();
			assertEquals(200.0, info.beamEnergyKeV());
			assertEquals(null, info.exposureSeconds(), "scanned: a dwell time, not an exposure, as HyperSpy says");
			assertEquals(1.0, info.dispersionEvPerChannel());
			assertEquals("FEI Titan", info.microscope(), "Session Info first, as HyperSpy");
			Map<?, ?> saturation = (Map<?, ?>) TagTrees.get(s.metadata(), "ImageTags", "EELS", "Acquisition",
				"Saturation fraction");
			assertEquals(28776L, saturation.get("size"), "longer arrays stay in the file");
		}
	}

	@Test
	void dm4ImageWithThumbnailListedInTheThumbnailsTag() throws IOException {
		try (EmFile f = DmReader.read(DmTestFiles.bundled("2D_test-1.dm4"))) {
			assertEquals("DM4", f.format());
			assertEquals(1, f.signals().size());
			EmSignal s = f.signal();
			assertEquals(List.of(false, false), s.axes().stream().map(Axis::navigate).toList());
			assertEquals(AcquisitionInfo.UNKNOWN, s.acquisition());
			assertEquals(List.of(1.0, 2.0, 3.0, 4.0), List.of(s.values().get(0), s.values().get(1), s.values().get(2),
				s.values().get(3)));
			assertFalse(f.tags().isEmpty());
			assertTrue(f.tags().containsKey("DocumentObjectList"));
		}
	}
}
