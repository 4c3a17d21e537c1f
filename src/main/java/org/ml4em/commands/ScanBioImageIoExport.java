package org.ml4em.commands;

import static org.ml4em.commands.BioImageIoExport.COVER;
import static org.ml4em.commands.BioImageIoExport.DOCUMENTATION;
import static org.ml4em.commands.BioImageIoExport.RDF;
import static org.ml4em.commands.BioImageIoExport.TEST_INPUT;
import static org.ml4em.commands.BioImageIoExport.TEST_OUTPUT;
import static org.ml4em.commands.BioImageIoExport.WEIGHTS;
import static org.ml4em.commands.BioImageIoExport.quoted;
import static org.ml4em.commands.BioImageIoExport.sha256;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ml4em.Progress;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.TrainingSampler;
import org.ml4em.io.NpyWriter;
import org.ml4em.scan.CompletionInput;
import org.ml4em.scan.IntensityRange;
import org.ml4em.scan.ScanCompleterModel;
import org.ml4em.scan.ScanMask;
import org.ml4em.scan.ScanPaths;
import org.ml4em.tf.SavedModelRunner;

/**
 * Makes a scan completer folder a bioimage.io model (specification 0.5): {@value BioImageIoExport#RDF},
 * the zipped SavedModel, a test input (a simulated lattice scanned along a 1/16 spiral, as the
 * network reads it: first guess and mask) with the output the model gives for it, and a cover
 * (sparse scan, completion, truth). The files sit beside the SavedModel, so the folder stays usable
 * by Complete Partial Scan.
 */
final class ScanBioImageIoExport {

	private static final int TEST_SIZE = 256;
	/** Seed of the test image's simulation (not a training or validation seed). */
	private static final long TEST_SEED = 900_002;
	private static final double TEST_COVERAGE = 1.0 / 16;

	private ScanBioImageIoExport() {}

	/**
	 * Writes the bioimage.io files into a scan completer folder.
	 *
	 * @param dir the model folder (SavedModel and {@value ScanModelFolder#DESCRIPTION})
	 * @param model the model loaded from it, for its tiling
	 * @param runner its SavedModel
	 * @param summary one paragraph on how it was trained, for the description
	 */
	static void write(Path dir, ScanCompleterModel model, SavedModelRunner runner, String summary) throws IOException {
		float[] pixels = new AtomicImageSimulator(TrainingSampler.sample(TEST_SIZE, TEST_SEED).withDose(20, 1)).simulate().pixels();
		float[] truth = IntensityRange.of(pixels).normalise(pixels);
		ScanMask mask = ScanPaths.spiral(TEST_SIZE, TEST_SIZE, TEST_COVERAGE);
		float[] input = CompletionInput.of(truth, mask, Progress.NONE);
		float[] output = runner.run(input, 1, TEST_SIZE, TEST_SIZE, CompletionInput.CHANNELS);
		NpyWriter.write(dir.resolve(TEST_INPUT), input, 1, TEST_SIZE, TEST_SIZE, CompletionInput.CHANNELS);
		NpyWriter.write(dir.resolve(TEST_OUTPUT), output, 1, TEST_SIZE, TEST_SIZE, 1);
		ImageIO.write(cover(truth, mask, output), "png", dir.resolve(COVER).toFile());
		BioImageIoExport.zipSavedModel(dir, dir.resolve(WEIGHTS));
		Files.writeString(dir.resolve(DOCUMENTATION), documentation(summary), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(RDF), rdf(dir, model, summary), StandardCharsets.UTF_8);
	}

	private static String rdf(Path dir, ScanCompleterModel model, String summary) throws IOException {
		int m = model.sizeMultiple();
		return String.join("\n", "# bioimage.io model description (spec 0.5), written by ML4EM " + ZlpModelFolder.version(),
			"type: model",
			"format_version: 0.5.3",
			// DeepImageJ (JDLL) lists a model only when it has an id or a config.bioimageio.nickname
			"id: ml4em-partial-scan-completer",
			"name: ML4EM partial-scan completer",
			"description: " + quoted("U-Net generator, trained adversarially (LSGAN), that completes STEM images recorded along sparse spiral, line or "
				+ "random scans. " + summary),
			"authors:",
			"  - name: ML4EM developers",
			"cite:",
			"  - text: " + quoted("Ede and Beanland, Partial Scanning Transmission Electron Microscopy with Deep Learning, Scientific Reports 10, 8332 (2020)"),
			"    doi: 10.1038/s41598-020-65261-0",
			"  - text: " + quoted("Mao et al., Least Squares Generative Adversarial Networks, ICCV 2017"),
			"    doi: 10.1109/ICCV.2017.304",
			"license: BSD-2-Clause",
			"tags: [electron-microscopy, stem, compressed-sensing, inpainting, partial-scan, 2d, tensorflow]",
			"covers: [" + COVER + "]",
			"documentation: " + DOCUMENTATION,
			"inputs:",
			"  - id: input",
			"    description: " + quoted("channel 0: the sparse scan's intensities mapped by the 0.1 and 99.9 percentiles of the measured pixels to 0 and 1 "
				+ "and filled in by harmonic (Laplace) inpainting, measured pixels as measured; "
				+ "channel 1: the mask, 1 where measured. ML4EM's Complete Partial Scan prepares both."),
			"    axes:",
			"      - type: batch",
			"      - {type: space, id: y, size: {min: " + Math.max(64, m * 4) + ", step: " + m + "}}",
			"      - {type: space, id: x, size: {min: " + Math.max(64, m * 4) + ", step: " + m + "}}",
			"      - {type: channel, channel_names: [first_guess, mask]}",
			"    test_tensor: {source: " + TEST_INPUT + ", sha256: " + sha256(dir.resolve(TEST_INPUT)) + "}",
			"    data: {type: float32}",
			"outputs:",
			"  - id: output",
			"    description: the completed image in the input's normalised intensities; measured pixels as measured",
			"    axes:",
			"      - type: batch",
			"      - {type: space, id: y, size: {tensor_id: input, axis_id: y}, halo: " + model.overlap() + "}",
			"      - {type: space, id: x, size: {tensor_id: input, axis_id: x}, halo: " + model.overlap() + "}",
			"      - {type: channel, channel_names: [completed]}",
			"    test_tensor: {source: " + TEST_OUTPUT + ", sha256: " + sha256(dir.resolve(TEST_OUTPUT)) + "}",
			"    data: {type: float32}",
			BioImageIoExport.weights(dir),
			"config:",
			"  ml4em:",
			"    description: " + ScanModelFolder.DESCRIPTION,
			"");
	}

	private static String documentation(String summary) {
		return String.join("\n", "# ML4EM partial-scan completer", "",
			"A U-Net generator that completes STEM images recorded along sparse scans (spirals, line subsets, random points) at coverages of 1/100 "
				+ "to 1/10, after Ede and Beanland (2020): trained with ln(MSE) against the noise-free image (real images: slightly blurred) plus a least-squares GAN term. " + summary,
			"",
			"- Input: two channels. Channel 0: intensities mapped by the 0.1 and 99.9 percentiles of the measured pixels to 0 and 1, unmeasured "
				+ "pixels filled by harmonic (Laplace) inpainting. Channel 1: the mask (1 measured, 0 not).",
			"- Output: the completed image in the same intensities; the network corrects channel 0 where nothing was measured and keeps measured "
				+ "pixels exactly.",
			"- " + ScanModelFolder.DESCRIPTION + " holds the training settings and validation figures.",
			"- In Fiji: Plugins > ML4EM > Complete Partial Scan with model=<this folder> prepares the input and maps the result back.", "");
	}

	/** Sparse scan, completion and truth side by side. */
	private static BufferedImage cover(float[] truth, ScanMask mask, float[] output) {
		int n = TEST_SIZE;
		BufferedImage image = new BufferedImage(3 * n, n, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				int i = x + y * n;
				image.setRGB(x, y, grey(mask.sampled()[i] ? truth[i] : 0));
				image.setRGB(n + x, y, grey(output[i]));
				image.setRGB(2 * n + x, y, grey(truth[i]));
			}
		return image;
	}

	private static int grey(float v) {
		int g = (int) (255 * Math.max(0, Math.min(1, v)));
		return g << 16 | g << 8 | g;
	}
}
