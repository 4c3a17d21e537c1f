package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

/** The two classical completions: exact where they must be, close on smooth images, measured pixels kept, bad input refused. */
class InpaintingTest {

	private static float[] image(int w, int h, DoubleBinaryOperator f) {
		float[] v = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				v[x + y * w] = (float) f.applyAsDouble(x, y);
		return v;
	}

	private static double rmsMissing(float[] a, float[] b, ScanMask m) {
		return rmsMissing(a, b, m, 0);
	}

	/** RMS difference over the unmeasured pixels at least {@code margin} pixels from the border. */
	private static double rmsMissing(float[] a, float[] b, ScanMask m, int margin) {
		double s = 0;
		int n = 0;
		for (int i = 0; i < a.length; i++) {
			int x = i % m.width(), y = i / m.width();
			if (x < margin || y < margin || x >= m.width() - margin || y >= m.height() - margin) continue;
			if (!m.sampled()[i]) {
				s += (a[i] - b[i]) * (a[i] - b[i]);
				n++;
			}
		}
		return Math.sqrt(s / n);
	}

	@Test
	void harmonicInpaintingReproducesALinearRampExactly() {
		// A ramp is harmonic: with every gap enclosed by measured pixels it is the unique solution.
		int w = 128, h = 96;
		float[] ramp = image(w, h, (x, y) -> 3 + 0.02 * x - 0.01 * y);
		ScanMask m = ScanPaths.lines(w, h, 1 / 8.0);
		// Lines alone leave gaps that reach the border, where no flux would bend the ramp; measure the border too.
		boolean[] s = m.sampled().clone();
		for (int y = 0; y < h; y++) {
			s[y * w] = true;
			s[w - 1 + y * w] = true;
		}
		for (int x = 0; x < w; x++) {
			s[x] = true;
			s[x + (h - 1) * w] = true;
		}
		ScanMask mask = new ScanMask(s, w, h, m.nominalCoverage());
		HarmonicInpainting.Result r = new HarmonicInpainting(2000).complete(ramp, mask, Progress.NONE);
		System.out.printf("InpaintingTest: harmonic on a ramp: %d iterations, residual %.1e%n", r.iterations(), r.relativeResidual());
		assertTrue(r.relativeResidual() <= HarmonicInpainting.TOLERANCE);
		assertEquals(0, rmsMissing(ramp, r.image(), mask), 1e-4);
	}

	@Test
	void bothMethodsFillASmoothImageFromASpiral() {
		int w = 200, h = 160;
		float[] truth = image(w, h, (x, y) -> Math.sin(x / 15.0) * Math.cos(y / 20.0) + 0.3 * Math.exp(-((x - 90) * (x - 90) + (y - 70) * (y - 70)) / 400.0));
		ScanMask m = ScanPaths.spiral(w, h, 1 / 16.0);
		float[] sparse = new float[truth.length];
		for (int i = 0; i < sparse.length; i++)
			sparse[i] = m.sampled()[i] ? truth[i] : Float.NaN; // unmeasured pixels are never read
		HarmonicInpainting.Result hr = new HarmonicInpainting(2000).complete(sparse, m, Progress.NONE);
		float[] harmonic = hr.image();
		float[] normconv = new NormalizedConvolution(NormalizedConvolution.sigmaFor(m.measuredCoverage())).complete(sparse, m, Progress.NONE);
		// Inside the spiral's arms; between the outermost arm and the border both methods extrapolate (flat), whatever the truth does.
		double eh = rmsMissing(truth, harmonic, m, 20), en = rmsMissing(truth, normconv, m, 20);
		System.out.printf("InpaintingTest: spiral 1/16 on a smooth image (range 2.3), 20 px from the border: RMS harmonic %.4f, normalised convolution %.4f;"
			+ " whole image %.4f and %.4f%n", eh, en, rmsMissing(truth, harmonic, m), rmsMissing(truth, normconv, m));
		// Across gaps of g = 16 px a harmonic fill errs by about g²/8 · |f''| = 32/225 at the sine's extremes, about 0.07 RMS;
		// filling with the mean would err by the image's own spread, 0.5.
		assertTrue(eh < 0.09 && en < 0.11, eh + " " + en);
		for (int i = 0; i < truth.length; i++)
			if (m.sampled()[i]) assertEquals(truth[i], harmonic[i], 0, "measured pixels are kept");
	}

	@Test
	void normalizedConvolutionKeepsConstantsAndReachesFarGaps() {
		int w = 300, h = 20;
		boolean[] s = new boolean[w * h];
		s[0] = true; // one sample in a corner: every other pixel is far from it
		float[] v = new float[w * h];
		v[0] = 7;
		float[] out = new NormalizedConvolution(1).complete(v, new ScanMask(s, w, h, 1.0 / (w * h)), Progress.NONE);
		for (float x : out)
			assertEquals(7, x, 1e-5);
	}

	@Test
	void refusesMasksThatDoNotFit() {
		ScanMask m = ScanPaths.lines(10, 10, 0.5);
		assertTrue(assertThrows(BadInputException.class, () -> new HarmonicInpainting(10).complete(new float[99], m, Progress.NONE)).getMessage()
			.contains("must be the image's size"));
		assertTrue(assertThrows(BadInputException.class, () -> new NormalizedConvolution(2).complete(new float[100], new ScanMask(new boolean[100], 10, 10, 0.1),
			Progress.NONE)).getMessage().contains("no sampled pixel"));
		float[] nan = new float[100];
		nan[5 * 10 + 3] = Float.NaN; // row 5 is sampled
		assertTrue(assertThrows(BadInputException.class, () -> new HarmonicInpainting(10).complete(nan, m, Progress.NONE)).getMessage().contains("NaN"));
	}
}
