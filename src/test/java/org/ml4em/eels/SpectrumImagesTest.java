package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class SpectrumImagesTest {

	private static final int W = 4, H = 3, C = 5;
	private static final Axis ENERGY = new Axis("Energy loss", C, 0.5, -1, "eV", false);
	private static final Axis X = new Axis("x", W, 2, 0, "nm", true);
	private static final Axis Y = new Axis("y", H, 2, 0, "nm", true);

	/** Value of channel c at (x, y): distinct everywhere, so a wrong stride shows. */
	private static double value(int x, int y, int c) {
		return 1000 * x + 100 * y + c;
	}

	/** A signal storing the test values with the given axes, fastest first. */
	private static EmSignal signal(Axis... axes) {
		List<Axis> list = List.of(axes);
		long n = 1;
		for (Axis a : list) n *= a.size();
		double[] v = new double[(int) n];
		int[] index = new int[axes.length];
		for (int i = 0; i < n; i++) {
			int rest = i;
			for (int d = 0; d < axes.length; d++) {
				index[d] = (int) (rest % axes[d].size());
				rest /= axes[d].size();
			}
			v[i] = value(coordinate(list, index, X), coordinate(list, index, Y), coordinate(list, index, ENERGY));
		}
		return new EmSignal("test", "EELS", list, new ArrayValues(ElementType.FLOAT64, v), AcquisitionInfo.UNKNOWN, Map.of());
	}

	private static int coordinate(List<Axis> axes, int[] index, Axis which) {
		int d = axes.indexOf(which);
		return d < 0 ? 0 : index[d];
	}

	private static void assertReadsTestValues(SpectrumImage si, int width, int height) {
		assertEquals(width, si.width());
		assertEquals(height, si.height());
		assertEquals(C, si.channels());
		double[] s = new double[C];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				si.spectrum(x, y, s);
				for (int c = 0; c < C; c++) assertEquals(value(x, y, c), s[c], "x=" + x + " y=" + y + " c=" + c);
			}
	}

	@Test
	void readsEveryAxisOrder() {
		assertReadsTestValues(SpectrumImages.of(signal(ENERGY, X, Y)), W, H);
		assertReadsTestValues(SpectrumImages.of(signal(X, ENERGY, Y)), W, H);
		assertReadsTestValues(SpectrumImages.of(signal(X, Y, ENERGY)), W, H);
	}

	@Test
	void spectrumIsOneByOneAndLineScanIsOneRow() {
		assertReadsTestValues(SpectrumImages.of(signal(ENERGY)), 1, 1);
		assertReadsTestValues(SpectrumImages.of(signal(X, ENERGY)), W, 1);
		assertReadsTestValues(SpectrumImages.of(signal(ENERGY, X)), W, 1);
	}

	@Test
	void keepsTheEnergyAxisAndConvertsKeV() {
		assertEquals(ENERGY, SpectrumImages.of(signal(ENERGY, X, Y)).energyAxis());
		Axis kev = new Axis("E", C, 0.0005, -0.001, "keV", false);
		EmSignal s = new EmSignal("k", "EELS", List.of(kev), new ArrayValues(ElementType.FLOAT64, new double[C]), AcquisitionInfo.UNKNOWN, Map.of());
		Axis e = SpectrumImages.of(s).energyAxis();
		assertEquals("eV", e.units());
		assertEquals(0.5, e.scale(), 1e-12);
		assertEquals(-1, e.offset(), 1e-12);
	}

	@Test
	void refusesSignalsWithoutEnergyAxis() {
		Axis z = new Axis("z", 2, 1, 0, "nm", true);
		BadInputException e = assertThrows(BadInputException.class, () -> SpectrumImages.of(signal(X, Y, z)));
		assertTrue(e.getMessage().contains("no axis calibrated in eV") && e.getMessage().contains("x [nm]"), e.getMessage());
	}

	@Test
	void refusesMoreThanTwoSpatialAxes() {
		Axis z = new Axis("z", 2, 1, 0, "nm", true);
		BadInputException e = assertThrows(BadInputException.class, () -> SpectrumImages.of(signal(ENERGY, X, Y, z)));
		assertTrue(e.getMessage().contains("4 axes") && e.getMessage().contains("at most two spatial axes"), e.getMessage());
	}

	@Test
	void refusesComplexValues() {
		EmSignal s = new EmSignal("c", "EELS", List.of(ENERGY), new ArrayValues(ElementType.COMPLEX64, new double[C]), AcquisitionInfo.UNKNOWN, Map.of());
		BadInputException e = assertThrows(BadInputException.class, () -> SpectrumImages.of(s));
		assertTrue(e.getMessage().contains("complex64"), e.getMessage());
	}

	@Test
	void arrayImageRoundTrip() {
		ArraySpectrumImage a = ArraySpectrumImage.zeros(W, H, ENERGY);
		double[] s = { 1, 2, 3, 4, 5 };
		a.setSpectrum(2, 1, s);
		double[] back = new double[C];
		a.spectrum(2, 1, back);
		assertArrayEquals(s, back);
		a.spectrum(1, 2, back);
		assertArrayEquals(new double[C], back);
	}
}
