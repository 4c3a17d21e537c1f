package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

class ZeroLossAlignmentTest {

	private static final SyntheticLowLoss NOISELESS = SyntheticLowLoss.defaults().withNoise(false).withSeed(3);
	private static final double SCALE = NOISELESS.energyScale();

	/** RMS and largest error of the shift map against the truth, in channels. */
	private static double[] shiftErrors(AlignedSpectrumImage aligned, SyntheticSpectrumImage truth) {
		float[] found = aligned.shiftMap(), expected = truth.shiftMap();
		double sum = 0, max = 0;
		for (int p = 0; p < found.length; p++) {
			double e = (found[p] - expected[p]) / SCALE;
			sum += e * e;
			max = Math.max(max, Math.abs(e));
		}
		return new double[] { Math.sqrt(sum / found.length), max };
	}

	@Test
	void recoversSubChannelShiftsOnNoiselessData() {
		SyntheticSpectrumImage si = NOISELESS.generate(ThicknessMap.stripes(30, 20, 0.2, 0.5, 0.9));
		double[] error = shiftErrors(new ZeroLossAligner(2).align(si, Progress.NONE), si);
		// Measured: RMS 0.006, largest 0.008 channel (the parabola's bias on a 2.5-channel-σ peak).
		assertTrue(error[1] < 0.05, "largest shift error " + error[1] + " channel");
	}

	@Test
	void recoversShiftsOnNoisyData() {
		SyntheticSpectrumImage si = NOISELESS.withNoise(true).generate(ThicknessMap.stripes(30, 20, 0.2, 0.5, 0.9));
		double[] error = shiftErrors(new ZeroLossAligner(2).align(si, Progress.NONE), si);
		// About 12 000 counts in the top channel: measured RMS 0.07, largest 0.25 channel.
		assertTrue(error[0] < 0.12, "RMS shift error " + error[0] + " channel");
		assertTrue(error[1] < 0.5, "largest shift error " + error[1] + " channel");
	}

	@Test
	void alignedViewPutsEveryPeakAtZero() {
		SyntheticSpectrumImage si = NOISELESS.generate(ThicknessMap.gradient(12, 5, 0.1, 1.2));
		AlignedSpectrumImage aligned = new ZeroLossAligner(1).align(si, Progress.NONE);
		assertEquals(0, aligned.energyAxis().energy(aligned.zeroChannel()), 1e-12);
		assertEquals(SCALE, aligned.energyAxis().scale());
		double[] s = new double[aligned.channels()];
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 12; x++) {
				aligned.spectrum(x, y, s);
				// Channels shifted in from beyond the recorded range are NaN.
				for (int c = 0; c < s.length; c++) if (Double.isNaN(s[c])) s[c] = 0;
				double peak = ZeroLossPeak.peakIndex(s, s.length);
				assertEquals(aligned.zeroChannel(), peak, 0.05, "pixel " + x + "," + y);
			}
	}

	@Test
	void alignedViewIsLazy() {
		SyntheticSpectrumImage si = NOISELESS.generate(ThicknessMap.uniform(4, 4, 0.5));
		AtomicInteger reads = new AtomicInteger();
		SpectrumImage counting = new ForwardingSpectrumImage(si) {
			@Override
			public void spectrum(int x, int y, double[] dst) {
				reads.incrementAndGet();
				super.spectrum(x, y, dst);
			}
		};
		AlignedSpectrumImage aligned = new ZeroLossAligner(1).align(counting, Progress.NONE);
		assertEquals(16, reads.get(), "one read per pixel to locate the peaks");
		aligned.spectrum(1, 2, new double[aligned.channels()]);
		aligned.spectrum(1, 2, new double[aligned.channels()]);
		assertEquals(18, reads.get(), "each aligned read reads the source again");
	}

	@Test
	void channelsOutsideTheRecordedRangeAreNaN() {
		// Shifts of ±0.3 eV move up to 3 channels past either end of the range.
		SyntheticSpectrumImage si = NOISELESS.withMaxDrift(0.3).generate(ThicknessMap.uniform(20, 1, 0.5));
		AlignedSpectrumImage aligned = new ZeroLossAligner(1).align(si, Progress.NONE);
		double[] s = new double[aligned.channels()];
		int nan = 0;
		for (int x = 0; x < 20; x++) {
			aligned.spectrum(x, 0, s);
			for (double v : s) if (Double.isNaN(v)) nan++;
		}
		assertTrue(nan > 0 && nan <= 20 * 4, nan + " NaN channels");
	}

	@Test
	void refusesACoreLossRange() {
		SyntheticSpectrumImage si = NOISELESS.withEnergyAxis(300, 0.5, 1024).generate(ThicknessMap.uniform(3, 3, 0.5));
		BadInputException e = assertThrows(BadInputException.class, () -> new ZeroLossAligner(1).align(si, Progress.NONE));
		assertTrue(e.getMessage().contains("from 300.0 to 811.5 eV") && e.getMessage().contains("does not include 0 eV"), e.getMessage());
		assertThrows(BadInputException.class, () -> new ThicknessAnalysis(ThicknessSettings.defaults()).run(si, Progress.NONE));
	}

	@Test
	void refusesSpectraWhoseMaximumIsAtTheEdge() {
		// A range across 0 eV, but every spectrum decays from its first channel: no peak inside.
		EnergyAxis energy = new EnergyAxis(-10, 1, 50);
		ArraySpectrumImage si = ArraySpectrumImage.zeros(2, 2, energy);
		double[] s = new double[50];
		for (int c = 0; c < 50; c++) s[c] = 1000 * Math.exp(-c / 10.0);
		for (int p = 0; p < 4; p++) si.setSpectrum(p % 2, p / 2, s);
		BadInputException e = assertThrows(BadInputException.class, () -> new ZeroLossAligner(1).align(si, Progress.NONE));
		assertTrue(e.getMessage().startsWith("No spectrum has a zero-loss peak"), e.getMessage());
	}

	@Test
	void refusesEmptyAndNaNSpectra() {
		EnergyAxis energy = new EnergyAxis(-10, 1, 50);
		ArraySpectrumImage si = ArraySpectrumImage.zeros(2, 2, energy);
		double[] nan = new double[50];
		Arrays.fill(nan, Double.NaN);
		si.setSpectrum(0, 0, nan);
		BadInputException e = assertThrows(BadInputException.class, () -> new ZeroLossAligner(1).align(si, Progress.NONE));
		assertTrue(e.getMessage().startsWith("All 4 spectra are empty"), e.getMessage());
		BadInputException t = assertThrows(BadInputException.class, () -> new ThicknessAnalysis(ThicknessSettings.defaults()).run(si, Progress.NONE));
		assertEquals(e.getMessage(), t.getMessage());
	}

	@Test
	void parabolaFindsTheVertexOfASampledParabola() {
		double[] s = new double[7];
		for (int c = 0; c < 7; c++) s[c] = 100 - (c - 3.3) * (c - 3.3);
		assertEquals(3.3, ZeroLossPeak.peakIndex(s, 7), 1e-12);
		assertTrue(Double.isNaN(ZeroLossPeak.peakIndex(new double[] { 3, 2, 1 }, 3)));
	}

	@Test
	void canBeCanceled() {
		SyntheticSpectrumImage si = NOISELESS.generate(ThicknessMap.uniform(10, 10, 0.5));
		assertThrows(CancellationException.class, () -> new ZeroLossAligner(2).align(si, new CancelAfter(0.3)));
	}
}
