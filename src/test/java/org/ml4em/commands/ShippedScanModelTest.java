package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.Progress;
import org.ml4em.columns.ColumnImages;
import org.ml4em.io.ImageData;
import org.ml4em.io.TiffReader;
import org.ml4em.scan.ImageComparison;
import org.ml4em.scan.ScanCompleter;
import org.ml4em.scan.ScanCompleterModel;
import org.ml4em.scan.ScanMask;
import org.ml4em.scan.ScanPaths;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/**
 * The scan completer shipped in the jar on a real HAADF-STEM image it never saw in training
 * ({@code sample-images/haadf_stem.tif}, {@code truth-1.tif} of Ede and Beanland's data, held out;
 * the training used {@code truth-2.tif} and simulated images), along spirals of nominal coverage
 * 1/16 and 1/100: the network must reach issue 7's goal at both, a PSNR at least 1 dB above
 * harmonic inpainting's, with a higher SSIM. At 1/100 it runs at half resolution
 * ({@link ScanCompleter#runsAtHalfResolution}). The figures of every method, with the goal's PASS
 * or FAIL, come from {@code bench/scan_completion.sh}.
 */
class ShippedScanModelTest {

	private static final Path HELD_OUT = Path.of("sample-images/haadf_stem.tif");

	private static SavedModelRunner runner;
	private static ScanCompleterModel model;
	private static float[] truth;
	private static int width, height;

	@BeforeAll
	static void load() throws Exception {
		Path dir = ScanModelFolder.extractShipped();
		runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.CPU));
		model = ScanModelFolder.read(dir, runner);
		ImageData d = TiffReader.read(HELD_OUT);
		width = d.width();
		height = d.height();
		truth = org.ml4em.commands.PlaneValues.of(d.image());
	}

	@AfterAll
	static void close() {
		runner.close();
	}

	/** {@return the network's and harmonic inpainting's scores on an image along a scan}, after checking that the network kept the measured pixels */
	private static ImageComparison[] networkAndHarmonic(float[] image, ScanMask mask) {
		float[] completed = ScanCompleter.network(image, mask, model, ScanCompleter.DEFAULT_TILE_SIZE, Progress.NONE);
		for (int i = 0; i < completed.length; i++)
			if (mask.sampled()[i]) assertEquals(image[i], completed[i], "measured pixel " + i);
		return new ImageComparison[] { ImageComparison.of(completed, image, width, height),
			ImageComparison.of(ScanCompleter.classical(image, mask, ScanCompleter.Method.HARMONIC, Progress.NONE), image, width, height) };
	}

	@Test
	void beatsHarmonicInpaintingByOneDecibelAtOneSixteenth() {
		assertBeatsHarmonicByOneDecibel(1.0 / 16);
	}

	@Test
	void beatsHarmonicInpaintingByOneDecibelAtOneHundredth() {
		assertTrue(ScanCompleter.runsAtHalfResolution(ScanPaths.spiral(width, height, 1.0 / 100), model));
		assertBeatsHarmonicByOneDecibel(1.0 / 100);
	}

	/**
	 * The same image in its 8 flips and turns puts the spiral's arms elsewhere on its edges: at 1/16
	 * the goal holds in every one, at 1/100 on average, with a higher SSIM in every one.
	 */
	@Test
	void goalHoldsInTheImagesFlipsAndTurns() {
		ScanMask sparse = ScanPaths.spiral(width, height, 1.0 / 100), dense = ScanPaths.spiral(width, height, 1.0 / 16);
		double gainSum = 0;
		for (int o = 0; o < 8; o++) {
			float[] image = new float[truth.length];
			ColumnImages.copyTransformed(truth, width, 1, o, image, 0);
			double[] gain = gainOverHarmonic(image, dense);
			assertTrue(gain[0] >= 1 && gain[1] > 0, "1/16, orientation " + o + ": " + gain[0] + " dB, SSIM " + gain[1]);
			gain = gainOverHarmonic(image, sparse);
			assertTrue(gain[1] > 0, "1/100, orientation " + o + ": SSIM " + gain[1]);
			gainSum += gain[0];
			System.out.printf("ShippedScanModelTest: orientation %d, spiral 1/100: %+.2f dB, SSIM %+.4f%n", o, gain[0], gain[1]);
		}
		assertTrue(gainSum / 8 >= 1, "mean gain at 1/100 " + gainSum / 8);
	}

	/** {@return the network's PSNR and SSIM minus harmonic inpainting's} */
	private static double[] gainOverHarmonic(float[] image, ScanMask mask) {
		ImageComparison[] c = networkAndHarmonic(image, mask);
		return new double[] { c[0].psnr() - c[1].psnr(), c[0].ssim() - c[1].ssim() };
	}

	private static void assertBeatsHarmonicByOneDecibel(double coverage) {
		ScanMask mask = ScanPaths.spiral(width, height, coverage);
		ImageComparison[] c = networkAndHarmonic(truth, mask);
		System.out.printf("ShippedScanModelTest: spiral 1/%.0f (measured 1/%.1f): network %.2f dB, SSIM %.4f; harmonic %.2f dB, SSIM %.4f%n", 1 / coverage,
			1 / mask.measuredCoverage(), c[0].psnr(), c[0].ssim(), c[1].psnr(), c[1].ssim());
		assertTrue(c[0].psnr() >= c[1].psnr() + 1, "PSNR " + c[0].psnr() + " vs harmonic " + c[1].psnr());
		assertTrue(c[0].ssim() > c[1].ssim(), "SSIM " + c[0].ssim() + " vs harmonic " + c[1].ssim());
	}

	@Test
	void theHeldOutImageIsTheOneTheModelWasNotTrainedOn() throws Exception {
		Path dir = ScanModelFolder.extractShipped();
		Map<String, Object> description = ShippedModel.description(dir, ScanModelFolder.DESCRIPTION, ScanModelFolder.FORMAT, ScanModelFolder.FORMAT_VERSION,
			"scan completer", "Train Scan Completer");
		Set<Object> seen = new HashSet<>();
		int stages = realImagesOfEveryStage(description.get("training"), seen);
		assertEquals(Set.of("truth-2.tif"), seen, "the real images of all " + stages + " training stages");
		assertEquals(512, width);
	}

	/** Adds a training entry's real images, and those of the stages it continued, to {@code seen}; {@return the stages} */
	private static int realImagesOfEveryStage(Object training, Set<Object> seen) {
		if (!(training instanceof Map<?, ?> t)) return 0;
		seen.addAll((List<?>) t.get("real_images"));
		return 1 + (t.get("continued_from") instanceof Map<?, ?> earlier ? realImagesOfEveryStage(earlier.get("training"), seen) : 0);
	}
}
