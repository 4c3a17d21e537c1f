package org.ml4em.commands;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.ml4em.columns.ColumnImages;
import org.ml4em.columns.ColumnModel;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.columns.sim.TrainingSampler;
import org.ml4em.io.NpyWriter;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/**
 * Makes a column model folder a bioimage.io model (specification 0.5, which deepImageJ and the
 * bioimage.io tools read): {@value #RDF} describing input and output axes, the
 * {@code zero_mean_unit_variance} preprocessing, the SavedModel zipped as
 * {@value #WEIGHTS} ({@code tensorflow_saved_model_bundle}), a test input and the output the
 * model gives for it ({@code .npy}), and a cover picture. The files sit beside the SavedModel, so
 * the folder stays usable by Find Atomic Columns.
 */
final class BioImageIoExport {

	/** The description's file name, as bioimage.io requires. */
	static final String RDF = "rdf.yaml";
	/** The zipped SavedModel. */
	static final String WEIGHTS = "tf_saved_model_bundle.zip";

	static final String TEST_INPUT = "test_input.npy", TEST_OUTPUT = "test_output.npy", COVER = "cover.png", DOCUMENTATION = "README.md";

	/** Side of the test image, pixels; seed of its simulation (not a training seed). */
	private static final int TEST_SIZE = 128;
	private static final long TEST_SEED = 900_001;

	private BioImageIoExport() {}

	/**
	 * Writes the bioimage.io files into a column model folder.
	 *
	 * @param dir the model folder (SavedModel and {@value ColumnModelFolder#DESCRIPTION})
	 * @param model the model loaded from it
	 * @param runner its SavedModel
	 * @param summary one paragraph on how it was trained, for the description
	 */
	static void write(Path dir, ColumnModel model, SavedModelRunner runner, String summary) throws IOException {
		SimulatedAtomicImage test = new AtomicImageSimulator(TrainingSampler.sample(TEST_SIZE, TEST_SEED).withDose(20, 1)).simulate();
		float[] input = test.pixels();
		float[] output = runner.run(ColumnImages.normalised(input), 1, TEST_SIZE, TEST_SIZE, 1);
		NpyWriter.write(dir.resolve(TEST_INPUT), input, 1, TEST_SIZE, TEST_SIZE, 1);
		NpyWriter.write(dir.resolve(TEST_OUTPUT), output, 1, TEST_SIZE, TEST_SIZE, model.channels());
		ImageIO.write(cover(input, output, model.channels()), "png", dir.resolve(COVER).toFile());
		zipSavedModel(dir, dir.resolve(WEIGHTS));
		Files.writeString(dir.resolve(DOCUMENTATION), documentation(model, summary), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(RDF), rdf(dir, model, summary), StandardCharsets.UTF_8);
	}

	private static String rdf(Path dir, ColumnModel model, String summary) throws IOException {
		String channels = Stream.concat(Stream.of("heatmap"), model.labels().stream()).collect(Collectors.joining(", "));
		String version = ZlpModelFolder.version();
		return String.join("\n", "# bioimage.io model description (spec 0.5), written by ML4EM " + version,
			"type: model",
			"format_version: 0.5.3",
			// DeepImageJ (JDLL) lists a model only when it has an id or a config.bioimageio.nickname
			"id: ml4em-atomic-column-finder",
			"name: ML4EM atomic column finder",
			"description: " + quoted("U-Net that finds the atomic columns of HAADF-STEM images and classifies them (" + String.join(", ", model.labels())
				+ "); trained on simulated images only. " + summary),
			"authors:",
			"  - name: ML4EM developers",
			"cite:",
			"  - text: " + quoted("Ronneberger, Fischer and Brox, U-Net: Convolutional Networks for Biomedical Image Segmentation, MICCAI 2015"),
			"    doi: 10.1007/978-3-319-24574-4_28",
			"license: BSD-2-Clause",
			"tags: [electron-microscopy, stem, haadf, atomic-columns, detection, 2d, tensorflow]",
			"covers: [" + COVER + "]",
			"documentation: " + DOCUMENTATION,
			"inputs:",
			"  - id: input",
			"    description: " + quoted(String.format(Locale.ROOT, "HAADF-STEM image at %s to %s Å per pixel", model.minPixelSize(), model.maxPixelSize())),
			"    axes:",
			"      - type: batch",
			"      - {type: space, id: y, size: {min: " + model.sizeMultiple() * 8 + ", step: " + model.sizeMultiple() + "}}",
			"      - {type: space, id: x, size: {min: " + model.sizeMultiple() * 8 + ", step: " + model.sizeMultiple() + "}}",
			"      - {type: channel, channel_names: [haadf]}",
			"    test_tensor: {source: " + TEST_INPUT + ", sha256: " + sha256(dir.resolve(TEST_INPUT)) + "}",
			"    data: {type: float32}",
			"    preprocessing:",
			"      - id: zero_mean_unit_variance",
			"        kwargs: {axes: [y, x], eps: " + ColumnImages.EPSILON + "}",
			"outputs:",
			"  - id: output",
			"    description: heat map of column centres, then the probability of each class, each 0 to 1",
			"    axes:",
			"      - type: batch",
			"      - {type: space, id: y, size: {tensor_id: input, axis_id: y}, halo: " + model.overlap() + "}",
			"      - {type: space, id: x, size: {tensor_id: input, axis_id: x}, halo: " + model.overlap() + "}",
			"      - {type: channel, channel_names: [" + channels + "]}",
			"    test_tensor: {source: " + TEST_OUTPUT + ", sha256: " + sha256(dir.resolve(TEST_OUTPUT)) + "}",
			"    data: {type: float32, range: [0.0, 1.0]}",
			weights(dir),
			"config:",
			"  ml4em:",
			"    description: " + ColumnModelFolder.DESCRIPTION,
			"    postprocessing: " + quoted("local maxima of the heat map above 0.5, at least 0.6 Å apart; class of the largest class channel around each"),
			"");
	}

	private static String documentation(ColumnModel model, String summary) {
		return String.join("\n", "# ML4EM atomic column finder", "",
			"A U-Net that finds the atomic columns of HAADF-STEM images and classifies them (" + String.join(", ", model.labels()) + "). " + summary, "",
			"- Input: one image channel at " + model.minPixelSize() + " to " + model.maxPixelSize() + " Å per pixel, scaled to zero mean and unit variance;"
				+ " height and width multiples of " + model.sizeMultiple() + ".",
			"- Output: per pixel the column heat map, then the probability of each class (sigmoid, 0 to 1).",
			"- Columns: local maxima of the heat map above 0.5 at least 0.6 Å apart; class of the largest class channel around each.",
			"- Trained on simulated images only (ML4EM's HAADF simulator: graphene, hBN, MoS2, perovskite; doses down to 0.5 detected electrons"
				+ " at a carbon column's peak); " + ColumnModelFolder.DESCRIPTION + " holds the training settings and validation figures.",
			"- In Fiji: Plugins > ML4EM > Find Atomic Columns with model=<this folder>.", "");
	}

	/** {@return the {@code weights} entry of an rdf.yaml: the zipped SavedModel in the folder, its checksum, the TensorFlow version} */
	static String weights(Path dir) throws IOException {
		return String.join("\n", "weights:",
			"  tensorflow_saved_model_bundle:",
			"    source: " + WEIGHTS,
			"    sha256: " + sha256(dir.resolve(WEIGHTS)),
			"    tensorflow_version: " + quoted(TensorFlowDevices.tensorFlowVersion()));
	}

	static String quoted(String s) {
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	/** The SavedModel's files (saved_model.pb and variables/), as the zip bioimage.io expects. */
	static void zipSavedModel(Path dir, Path zip) throws IOException {
		zipFiles(dir, p -> p.getFileName().toString().equals("saved_model.pb") || dir.relativize(p).startsWith("variables"), zip);
	}

	/**
	 * Zips the files of {@code dir} that {@code include} accepts, paths relative to {@code dir}, in
	 * name order and with a fixed date, so that the same files always give the same bytes.
	 */
	static void zipFiles(Path dir, Predicate<Path> include, Path zip) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(dir)) {
			files = walk.filter(Files::isRegularFile).filter(include).sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/'))).toList();
		}
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
			for (Path f : files) {
				ZipEntry e = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
				e.setTime(0);
				z.putNextEntry(e);
				Files.copy(f, z);
				z.closeEntry();
			}
		}
	}

	static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Java without SHA-256", e);
		}
	}

	/** The test input (grey) beside the heat map (red) with the class channels (green, blue, ...). */
	private static BufferedImage cover(float[] input, float[] output, int channels) {
		int n = TEST_SIZE;
		BufferedImage image = new BufferedImage(2 * n, n, BufferedImage.TYPE_INT_RGB);
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for (float v : input) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				int i = x + y * n;
				int g = (int) (255 * (input[i] - min) / Math.max(1e-12f, max - min));
				image.setRGB(x, y, g << 16 | g << 8 | g);
				int r = level(output[i * channels]), gr = channels > 2 ? level(output[i * channels + 2]) : 0, b = channels > 3 ? level(output[i * channels + 3]) : 0;
				image.setRGB(n + x, y, r << 16 | Math.max(gr, 0) << 8 | b);
			}
		return image;
	}

	private static int level(float p) {
		return (int) (255 * Math.max(0, Math.min(1, p)));
	}
}
