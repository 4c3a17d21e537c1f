package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.scan.ScanCompleterModel;
import org.ml4em.scan.ScanTrainingReport;
import org.ml4em.scan.ScanTrainingSettings;
import org.ml4em.scan.TrainingImage;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.UNetShape;

/**
 * A scan completer model folder, as Train Scan Completer writes it and Complete Partial Scan reads
 * it: the generator as a TensorFlow SavedModel ({@code saved_model.pb}, {@code variables/}) and
 * {@value #DESCRIPTION} ({@code format}, {@code format_version}, {@code size_multiple},
 * {@code overlap}, the architecture and how it was trained). The shipped model lives in the jar
 * under {@value #SHIPPED}. Every fault is one sentence naming the folder.
 */
public final class ScanModelFolder {

	/** The description's file name inside the model folder. */
	public static final String DESCRIPTION = "ml4em_scan.json";

	/** The value of {@code format} that marks an ML4EM scan completer. */
	public static final String FORMAT = "ml4em-scan-completer";

	/** The newest {@code format_version} this reader understands. */
	public static final int FORMAT_VERSION = 1;

	/** Where the shipped model's files are among the jar's resources. */
	public static final String SHIPPED = "/org/ml4em/scan/model/";

	/**
	 * Context each tile gets, pixels: at 1/100 the arms of a spiral are 100 pixels apart, so a
	 * pixel's nearest samples can be 50 pixels away, and the network needs context beyond them.
	 */
	static final int OVERLAP = 96;

	private static final ShippedModel SHIPPED_MODEL = new ShippedModel(SHIPPED, DESCRIPTION, "scan completer");

	private ScanModelFolder() {}

	/**
	 * {@return the description of a trained model as written to {@value #DESCRIPTION}}
	 *
	 * @param continuedFrom {@link #earlierTraining} of the model the training continued, or null
	 */
	static Map<String, Object> describe(UNetShape shape, ScanTrainingSettings settings, List<TrainingImage> realImages, Map<String, Object> continuedFrom,
		ScanTrainingReport report) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("format", FORMAT);
		d.put("format_version", FORMAT_VERSION);
		d.put("ml4em_version", ZlpModelFolder.version());
		d.put("size_multiple", shape.sizeMultiple());
		d.put("overlap", Math.max(OVERLAP, shape.sizeMultiple()));
		d.put("preprocessing", "intensities mapped by the 0.1 and 99.9 percentiles of the measured pixels to 0 and 1; "
			+ "channel 0: harmonic inpainting of the measured pixels (conjugate gradients to a relative residual of 1e-6), channel 1: mask (1 measured)");
		d.put("savedmodel", "tag serve, signature serving_default: input (batch, y, x, 2) -> output (batch, y, x, 1): the completed image, measured pixels kept");
		d.put("architecture", ShippedModel.architecture("U-Net generator, residual on the first guess", shape));
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("seed", settings.seed());
		t.put("steps", report.steps());
		t.put("batch", settings.batch());
		t.put("patch_size", settings.patchSize());
		t.put("learning_rate", (double) settings.learningRate());
		t.put("adversarial_weight", (double) settings.adversarialWeight());
		t.put("min_coverage", settings.minCoverage());
		t.put("max_coverage", settings.maxCoverage());
		t.put("lattice_share", settings.latticeShare());
		t.put("real_images", realImages.stream().map(TrainingImage::name).toList());
		if (continuedFrom != null) t.put("continued_from", continuedFrom);
		t.put("best_step", report.bestStep());
		t.put("validation_gain_db", report.best().gainDb());
		t.put("validation_gain_db_1_16", report.best().gainDb16());
		t.put("validation_gain_db_1_100", report.best().gainDb100());
		t.put("seconds", report.seconds());
		t.put("device", report.device());
		d.put("training", t);
		return d;
	}

	/**
	 * {@return what is known of how a model that a training continues was trained}: its folder's name
	 * and, when its description can be read, its {@code training} entry, itself with any earlier
	 * stage. Kept in the new description, so that every image a model has seen stays on record,
	 * however many times its training was continued.
	 */
	static Map<String, Object> earlierTraining(Path model) {
		Map<String, Object> earlier = new LinkedHashMap<>();
		earlier.put("folder", model.getFileName() == null ? model.toString() : model.getFileName().toString());
		try {
			Object training = ShippedModel.description(model, DESCRIPTION, FORMAT, FORMAT_VERSION, "scan completer", "Train Scan Completer").get("training");
			if (training != null) earlier.put("training", integersRestored(training));
		}
		catch (BadInputException e) {
			// A bare SavedModel still trains on; only its history is unknown.
			earlier.put("training", "unknown: " + e.getMessage());
		}
		return earlier;
	}

	/**
	 * {@return a parsed JSON value with its whole numbers as {@code Long}}: the reader gives every
	 * number as a {@code Double}, and a seed or a step count copied on would otherwise read "42.0"
	 */
	private static Object integersRestored(Object value) {
		if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return d.longValue();
		if (value instanceof List<?> list) return list.stream().map(ScanModelFolder::integersRestored).toList();
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put((String) k, integersRestored(v)));
			return out;
		}
		return value;
	}

	/** Writes the description into a model folder. */
	static void writeDescription(Path dir, Map<String, Object> description) throws IOException {
		ShippedModel.writeDescription(dir, DESCRIPTION, description);
	}

	/**
	 * Loads a model folder.
	 *
	 * @param runner the SavedModel of {@code dir}, loaded by the caller (who closes it)
	 * @throws BadInputException when the description is missing, not a scan completer, newer, or the network's signature does not fit
	 */
	public static ScanCompleterModel read(Path dir, SavedModelRunner runner) {
		Map<String, Object> d = ShippedModel.description(dir, DESCRIPTION, FORMAT, FORMAT_VERSION, "scan completer", "Train Scan Completer");
		long[] in = runner.inputShape(runner.inputNames().get(0)).orElse(null), out = runner.outputShape(runner.outputNames().get(0)).orElse(null);
		if (runner.inputNames().size() != 1 || runner.outputNames().size() != 1 || in != null && (in.length != 4 || in[3] != 2)
			|| out != null && (out.length != 4 || out[3] != 1)) throw new BadInputException("model='" + dir + "' takes " + Arrays.toString(in) + " and gives "
				+ Arrays.toString(out) + "; a scan completer takes (batch, y, x, 2) and gives (batch, y, x, 1).");
		return new ScanCompleterModel((tile, w, h) -> runner.run(tile, 1, h, w, 2), (int) number(dir, d, "size_multiple"), (int) number(dir, d, "overlap"));
	}

	/** Adds the bioimage.io files ({@link ScanBioImageIoExport}) to a model folder. */
	static void writeBioImageIo(Path dir, String summary) throws IOException {
		try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.CPU))) {
			ScanBioImageIoExport.write(dir, read(dir, runner), runner, summary);
		}
	}

	/** {@return a temporary copy of the model a {@code model=} parameter names (or of the shipped one), with its bioimage.io files} */
	static Path bioImageIoCopy(File model) throws IOException {
		return SHIPPED_MODEL.bioImageIoCopy(model, ScanModelFolder::writeBioImageIo);
	}

	/** {@return the folder a {@code model=} parameter names, or the shipped model} */
	static Path folderOf(File model) throws IOException {
		return SHIPPED_MODEL.folderOf(model);
	}

	/** {@return the shipped model as a folder, copied out of the jar once per process} */
	public static Path extractShipped() throws IOException {
		return SHIPPED_MODEL.folder();
	}

	private static double number(Path dir, Map<String, Object> d, String key) {
		return ShippedModel.number(dir, DESCRIPTION, d, key);
	}
}
