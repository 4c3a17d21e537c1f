package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.eels.SyntheticLowLoss;
import org.ml4em.eels.SyntheticSpectrumImage;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessMap;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ArrayValues;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;

/** {@link SignalSpectra}: EM signals read as spectrum images, in place, and written back. */
class SignalSpectraTest {

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
		assertReadsTestValues(SignalSpectra.of(signal(ENERGY, X, Y)), W, H);
		assertReadsTestValues(SignalSpectra.of(signal(X, ENERGY, Y)), W, H);
		assertReadsTestValues(SignalSpectra.of(signal(X, Y, ENERGY)), W, H);
	}

	@Test
	void spectrumIsOneByOneAndLineScanIsOneRow() {
		assertReadsTestValues(SignalSpectra.of(signal(ENERGY)), 1, 1);
		assertReadsTestValues(SignalSpectra.of(signal(X, ENERGY)), W, 1);
		assertReadsTestValues(SignalSpectra.of(signal(ENERGY, X)), W, 1);
	}

	@Test
	void keepsTheEnergyAxisAndConvertsKeV() {
		assertEquals(new EnergyAxis(-1, 0.5, C), SignalSpectra.of(signal(ENERGY, X, Y)).energyAxis());
		Axis kev = new Axis("E", C, 0.0005, -0.001, "keV", false);
		EmSignal s = new EmSignal("k", "EELS", List.of(kev), new ArrayValues(ElementType.FLOAT64, new double[C]), AcquisitionInfo.UNKNOWN, Map.of());
		EnergyAxis e = SignalSpectra.of(s).energyAxis();
		assertEquals(C, e.channels());
		assertEquals(0.5, e.scale(), 1e-12);
		assertEquals(-1, e.offset(), 1e-12);
	}

	@Test
	void refusesSignalsWithoutEnergyAxis() {
		Axis z = new Axis("z", 2, 1, 0, "nm", true);
		BadInputException e = assertThrows(BadInputException.class, () -> SignalSpectra.of(signal(X, Y, z)));
		assertTrue(e.getMessage().contains("no axis calibrated in eV") && e.getMessage().contains("x [nm]"), e.getMessage());
	}

	@Test
	void refusesMoreThanTwoSpatialAxes() {
		Axis z = new Axis("z", 2, 1, 0, "nm", true);
		BadInputException e = assertThrows(BadInputException.class, () -> SignalSpectra.of(signal(ENERGY, X, Y, z)));
		assertTrue(e.getMessage().contains("4 axes") && e.getMessage().contains("at most two spatial axes"), e.getMessage());
	}

	@Test
	void refusesComplexValues() {
		EmSignal s = new EmSignal("c", "EELS", List.of(ENERGY), new ArrayValues(ElementType.COMPLEX64, new double[C]), AcquisitionInfo.UNKNOWN, Map.of());
		BadInputException e = assertThrows(BadInputException.class, () -> SignalSpectra.of(s));
		assertTrue(e.getMessage().contains("complex64"), e.getMessage());
	}

	@Test
	void readsValuesInPlace() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(ThicknessMap.uniform(3, 2, 0.5));
		GeneratedValues values = new GeneratedValues(si);
		Axis energy = new Axis("Energy loss", si.channels(), si.energyAxis().scale(), si.energyAxis().offset(), "eV", false);
		List<Axis> axes = List.of(energy, new Axis("x", 3, 1, 0, "px", true), new Axis("y", 2, 1, 0, "px", true));
		SpectrumImage view = SignalSpectra.of(new EmSignal("lazy", "EELS", axes, values, AcquisitionInfo.UNKNOWN, Map.of()));
		assertEquals(0, values.valuesRead.get(), "nothing is read before a spectrum is asked for");
		double[] s = new double[si.channels()];
		view.spectrum(2, 1, s);
		assertEquals(si.channels(), values.valuesRead.get(), "one spectrum, one read of its channels");
		double[] expected = new double[si.channels()];
		si.spectrum(2, 1, expected);
		for (int c = 0; c < expected.length; c++) assertEquals((float) expected[c], s[c], "channel " + c);
	}

	@Test
	void writesASignalThatReadsBackAsTheImage() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(ThicknessMap.stripes(8, 5, 0.3, 0.8));
		AcquisitionInfo info = new AcquisitionInfo(200.0, null, si.energyAxis().scale(), "synthetic", null, null);
		EmSignal signal = SignalSpectra.toSignal(si, "stripes", info, Progress.NONE);
		assertEquals(List.of(new Axis("Energy loss", si.channels(), si.energyAxis().scale(), si.energyAxis().offset(), "eV", false),
			new Axis("x", 8, 1, 0, "px", true), new Axis("y", 5, 1, 0, "px", true)), signal.axes());
		assertEquals(info, signal.acquisition());
		assertEquals(si.energyAxis(), SignalSpectra.of(signal).energyAxis());
	}

	/** The analysis gives the same maps and classes on the signal as on the image it was made from. */
	@Test
	void analysisReadsTheSignalAsTheImage() {
		SyntheticSpectrumImage si = SyntheticLowLoss.defaults().generate(ThicknessMap.stripes(8, 5, 0.3, 0.8));
		ThicknessResult direct = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2)).run(si.toArray(Progress.NONE), Progress.NONE);
		ThicknessResult fromSignal = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2))
			.run(SignalSpectra.of(SignalSpectra.toSignal(si, "stripes", AcquisitionInfo.UNKNOWN, Progress.NONE)), Progress.NONE);
		assertArrayEquals(direct.maps().thickness(), fromSignal.maps().thickness());
		assertArrayEquals(direct.clusters().labels(), fromSignal.clusters().labels());
	}
}
