package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.columns.ColumnFinderTrainer;
import org.ml4em.columns.ColumnModel;
import org.ml4em.columns.ColumnTrainingReport;
import org.ml4em.columns.ColumnTrainingSettings;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.UNetShape;

/**
 * A column finder model folder, as Train Column Finder writes it and Find Atomic Columns reads it:
 * the U-Net as a TensorFlow SavedModel ({@code saved_model.pb}, {@code variables/}) and
 * {@value #DESCRIPTION}:
 *
 * <pre>
 * { "format": "ml4em-columns", "format_version": 1, "labels": ["atom", "vacancy", "dopant"],
 *   "min_pixel_size_angstrom": 0.05, "max_pixel_size_angstrom": 0.2, "size_multiple": 8, "overlap": 32,
 *   "preprocessing": "zero_mean_unit_variance", "architecture": {...}, "training": {...} }
 * </pre>
 *
 * The model that ships with ML4EM lives in the jar under {@value #SHIPPED} and is copied to a
 * temporary folder to be loaded. Every fault is one sentence naming the folder.
 */
public final class ColumnModelFolder {

	/** The description's file name inside the model folder. */
	public static final String DESCRIPTION = "ml4em_columns.json";

	/** The value of {@code format} that marks an ML4EM column model. */
	public static final String FORMAT = "ml4em-columns";

	/** The newest {@code format_version} this reader understands. */
	public static final int FORMAT_VERSION = 1;

	/** Where the shipped model's files are among the jar's resources. */
	public static final String SHIPPED = "/org/ml4em/columns/model/";

	/**
	 * Context each tile gets, pixels: the trained networks' effective reach, well inside their
	 * receptive field (44 pixels for depth 4 and 3 × 3 kernels), rounded to the size multiple.
	 */
	static final int OVERLAP = 32;

	private ColumnModelFolder() {}

	/** {@return the description of a trained model as written to {@value #DESCRIPTION}} */
	static Map<String, Object> describe(UNetShape shape, ColumnTrainingSettings settings, ColumnTrainingReport report) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("format", FORMAT);
		d.put("format_version", FORMAT_VERSION);
		d.put("ml4em_version", ZlpModelFolder.version());
		d.put("labels", ColumnFinderTrainer.labels());
		d.put("min_pixel_size_angstrom", AtomicImageSettings.MIN_PIXEL_SIZE);
		d.put("max_pixel_size_angstrom", AtomicImageSettings.MAX_PIXEL_SIZE);
		d.put("size_multiple", shape.sizeMultiple());
		d.put("overlap", Math.max(OVERLAP, shape.sizeMultiple()));
		d.put("preprocessing", "zero_mean_unit_variance per image");
		d.put("savedmodel", "tag serve, signature serving_default: input (batch, y, x, 1) -> output (batch, y, x, " + shape.outputChannels()
			+ "): heat map, then the probability of each label");
		d.put("architecture", ShippedModel.architecture("U-Net", shape));
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("seed", settings.seed());
		t.put("steps", report.steps());
		t.put("batch", settings.batch());
		t.put("patch_size", settings.patchSize());
		t.put("learning_rate", (double) settings.learningRate());
		t.put("best_step", report.bestStep());
		t.put("validation_f1", report.best().f1());
		t.put("validation_f1_by_class", report.best().f1ByClass());
		t.put("validation_rms_pm", report.best().rmsErrorPm());
		t.put("seconds", report.seconds());
		t.put("device", report.device());
		d.put("training", t);
		return d;
	}

	/** Writes the description into a model folder. */
	static void writeDescription(Path dir, Map<String, Object> description) throws IOException {
		ShippedModel.writeDescription(dir, DESCRIPTION, description);
	}

	/**
	 * Loads a model folder.
	 *
	 * @param dir the folder
	 * @param runner the SavedModel of {@code dir}, loaded by the caller (who closes it)
	 * @throws BadInputException when the description is missing, not a column model, newer, or incomplete
	 */
	public static ColumnModel read(Path dir, SavedModelRunner runner) {
		Map<String, Object> d = ShippedModel.description(dir, DESCRIPTION, FORMAT, FORMAT_VERSION, "column model", "Train Column Finder");
		List<String> labels = new ArrayList<>();
		if (!(d.get("labels") instanceof List<?> list) || list.isEmpty())
			throw new BadInputException("model='" + dir + "': " + DESCRIPTION + " has no \"labels\" list.");
		else for (Object o : list)
			labels.add(String.valueOf(o));
		checkSignature(dir, runner, labels.size() + 1);
		return new ColumnModel(runner.asTileFunction(), labels, number(dir, d, "min_pixel_size_angstrom"), number(dir, d, "max_pixel_size_angstrom"),
			(int) number(dir, d, "size_multiple"), (int) number(dir, d, "overlap"));
	}

	/** A network of one image channel in and the heat map plus one channel per label out, when its signature says. */
	private static void checkSignature(Path dir, SavedModelRunner runner, int channels) {
		if (runner.inputNames().size() != 1 || runner.outputNames().size() != 1) throw new BadInputException("model='" + dir + "' has "
			+ runner.inputNames().size() + " inputs and " + runner.outputNames().size() + " outputs; a column model has one of each.");
		long[] in = runner.inputShape(runner.inputNames().get(0)).orElse(null), out = runner.outputShape(runner.outputNames().get(0)).orElse(null);
		if (in != null && (in.length != 4 || in[3] != 1)) throw new BadInputException("model='" + dir + "' takes input of shape "
			+ Arrays.toString(in) + "; a column model takes (batch, y, x, 1).");
		if (out != null && (out.length != 4 || out[3] != channels)) throw new BadInputException("model='" + dir + "' gives output of shape "
			+ Arrays.toString(out) + "; its " + DESCRIPTION + " names " + (channels - 1) + " classes, so (batch, y, x, " + channels + ") was expected.");
	}

	private static final ShippedModel SHIPPED_MODEL = new ShippedModel(SHIPPED, DESCRIPTION, "column model");

	/** {@return whether a {@code model=} parameter asks for the shipped model: none or an empty path} */
	static boolean isShipped(File model) {
		return ShippedModel.isShipped(model);
	}

	/** Adds the bioimage.io files ({@link BioImageIoExport}) to a model folder. */
	static void writeBioImageIo(Path dir, String summary) throws IOException {
		try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.CPU))) {
			BioImageIoExport.write(dir, read(dir, runner), runner, summary);
		}
	}

	/** {@return a temporary copy of the model a {@code model=} parameter names (or of the shipped one), with its bioimage.io files} */
	static Path bioImageIoCopy(File model) throws IOException {
		return SHIPPED_MODEL.bioImageIoCopy(model, ColumnModelFolder::writeBioImageIo);
	}

	/** {@return the folder a {@code model=} parameter names, or the shipped model copied out of the jar} */
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
