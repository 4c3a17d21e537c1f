package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ArrayValues;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;

import ij.ImagePlus;
import ij.measure.Calibration;

/** EM signals become ImageJ images with the right layout, type and calibration. */
class EmImagesTest {

	private static EmSignal signal(ElementType type, List<Axis> axes) {
		long n = 1;
		for (Axis a : axes)
			n *= a.size();
		double[] v = new double[(int) n];
		for (int i = 0; i < v.length; i++)
			v[i] = i + 1;
		return new EmSignal("t", "", axes, new ArrayValues(type, v), AcquisitionInfo.UNKNOWN, Map.of());
	}

	@Test
	void spectrumImageStoredEnergyFastestShowsEnergyAsSlices() {
		Axis e = new Axis("Energy loss", 5, 0.25, -1.0, "eV", false);
		Axis x = new Axis("x", 3, 2.0, 10.0, "nm", true);
		Axis y = new Axis("y", 2, 2.0, 0.0, "nm", true);
		ImagePlus imp = EmImages.toImagePlus(signal(ElementType.FLOAT32, List.of(e, x, y)), "si", "info");
		assertEquals(3, imp.getWidth());
		assertEquals(2, imp.getHeight());
		assertEquals(5, imp.getNSlices());
		assertEquals(32, imp.getBitDepth());
		// storage index = c + 5 * (x + 3 * y); value = index + 1
		imp.setSlice(3);
		assertEquals(2 + 5 * (1 + 3 * 1) + 1, imp.getProcessor().getf(1, 1));
		Calibration cal = imp.getCalibration();
		assertEquals(0.25, cal.pixelDepth);
		assertEquals(-1.0, cal.getZ(0), 1e-12);
		assertEquals("eV", cal.getZUnit());
		assertEquals(2.0, cal.pixelWidth);
		assertEquals(10.0, cal.getX(0), 1e-12);
		assertEquals("nm", cal.getUnit());
		assertEquals("-0.5000 eV", imp.getStack().getSliceLabel(3));
		assertEquals("info", imp.getProperty("Info"));
	}

	@Test
	void lineOfSpectraHasEnergyAlongX() {
		Axis e = new Axis("Energy loss", 4, 1, 0, "eV", false);
		Axis x = new Axis("x", 3, 1, 0, "", true);
		ImagePlus imp = EmImages.toImagePlus(signal(ElementType.FLOAT32, List.of(x, e)), "line", "");
		assertEquals(4, imp.getWidth());
		assertEquals(3, imp.getHeight());
		assertEquals(2 + 3 * 1 + 1, imp.getProcessor().getf(1, 2));
	}

	@Test
	void imagesKeepSixteenBitAndStacksWithoutEnergyStayInOrder() {
		Axis x = new Axis("x", 4, 1, 0, "", true), y = new Axis("y", 3, 1, 0, "", true), z = new Axis("z", 2, 1, 0, "", true);
		ImagePlus imp = EmImages.toImagePlus(signal(ElementType.UINT16, List.of(x, y, z)), "stack", "");
		assertEquals(16, imp.getBitDepth());
		assertEquals(2, imp.getNSlices());
		imp.setSlice(2);
		assertEquals(3 + 4 * 2 + 12 + 1, imp.getProcessor().getf(3, 2));
		assertEquals("pixel", imp.getCalibration().getUnit());
		assertNull(imp.getStack().getSliceLabel(1));
	}

	@Test
	void complexDataAndFiveDimensionsAreRefusedClearly() {
		Axis a = new Axis("x", 2, 1, 0, "", true);
		BadInputException complex = assertThrows(BadInputException.class,
			() -> EmImages.toImagePlus(signal(ElementType.COMPLEX64, List.of(a, a)), "c", ""));
		assertTrue(complex.getMessage().contains("complex64"), complex.getMessage());
		BadInputException fiveD = assertThrows(BadInputException.class,
			() -> EmImages.toImagePlus(signal(ElementType.FLOAT32, List.of(a, a, a, a, a)), "5d", ""));
		assertTrue(fiveD.getMessage().contains("5 dimensions"), fiveD.getMessage());
	}

	@Test
	void infoListsAcquisitionAndEveryTag() {
		Axis e = new Axis("Energy loss", 2, 0.5, 0, "eV", false);
		EmSignal s = new EmSignal("EELS", "EELS", List.of(e), new ArrayValues(ElementType.FLOAT32, new double[2]),
			new AcquisitionInfo(200.0, 0.5, 0.5, "TEM", "GIF", "2020-01-01"), Map.of());
		String info = EmImages.infoText(s, Map.of("ImageTags", Map.of("Microscope Info", Map.of("Voltage", 200000.0))));
		assertTrue(info.contains("Beam energy (keV): 200.0"), info);
		assertTrue(info.contains("ImageTags.Microscope Info.Voltage = 200000.0"), info);
	}
}
