package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.Progress;
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
 * the training used {@code truth-2.tif}), along spirals of nominal coverage 1/16 and 1/100: the
 * network, which starts from harmonic inpainting and corrects it, must never be worse than
 * harmonic inpainting by more than {@value #TOLERANCE_DB} dB in PSNR. The goal, a gain of
 * at least 1 dB with a higher SSIM, is not reached by the shipped model (issue 7 stays open); the
 * figures of every method, with the goal's PASS or FAIL, come from {@code bench/scan_completion.sh}.
 */
class ShippedScanModelTest {

	private static final Path HELD_OUT = Path.of("sample-images/haadf_stem.tif");

	/** How much worse than its first guess the network may be: a correction that harms is a training failure. */
	static final double TOLERANCE_DB = 0.05;

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

	private static void neverWorseThanHarmonic(double coverage) {
		ScanMask mask = ScanPaths.spiral(width, height, coverage);
		ImageComparison network = ImageComparison.of(ScanCompleter.network(truth, mask, model, ScanCompleter.DEFAULT_TILE_SIZE, Progress.NONE), truth, width,
			height);
		ImageComparison harmonic = ImageComparison.of(ScanCompleter.classical(truth, mask, ScanCompleter.Method.HARMONIC, Progress.NONE), truth, width, height);
		System.out.printf("ShippedScanModelTest: spiral 1/%.0f (measured 1/%.1f): network %.2f dB, SSIM %.4f; harmonic %.2f dB, SSIM %.4f%n", 1 / coverage,
			1 / mask.measuredCoverage(), network.psnr(), network.ssim(), harmonic.psnr(), harmonic.ssim());
		assertTrue(network.psnr() >= harmonic.psnr() - TOLERANCE_DB, "PSNR " + network.psnr() + " vs harmonic " + harmonic.psnr());
	}

	@Test
	void noWorseThanHarmonicInpaintingAtOneSixteenth() {
		neverWorseThanHarmonic(1.0 / 16);
	}

	@Test
	void noWorseThanHarmonicInpaintingAtOneHundredth() {
		neverWorseThanHarmonic(1.0 / 100);
	}

	@Test
	void theHeldOutImageIsTheOneTheModelWasNotTrainedOn() throws Exception {
		String description = java.nio.file.Files.readString(ScanModelFolder.extractShipped().resolve(ScanModelFolder.DESCRIPTION)).replaceAll("\\s", "");
		assertTrue(description.contains("\"real_images\":[\"truth-2.tif\"]"), description);
		assertEquals(512, width);
	}
}
