package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.columns.ColumnFinderTrainer;
import org.ml4em.columns.ColumnTrainingReport;
import org.ml4em.columns.ColumnTrainingSettings;
import org.ml4em.io.Folders;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Train Column Finder}: trains the column finder's U-Net on HAADF-STEM
 * images simulated on the fly (every lattice, orientation, pixel size, probe, dose and distortion
 * of the finder's range), with a validation F1 curve and the best checkpoint kept.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Train Column Finder" "output='training'"} writes
 * {@code training/column_model/} (the SavedModel and {@value ColumnModelFolder#DESCRIPTION}, for
 * Find Atomic Columns' {@code model=}, and the bioimage.io files: {@value BioImageIoExport#RDF}, the
 * zipped SavedModel, test tensors, a cover) and {@code training/validation.csv} (step, loss, F1 per
 * class, RMS error). The defaults are the settings of the shipped model.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Train Column Finder", label = "Train Column Finder", headless = true,
	description = "Trains the atomic column finder (U-Net) on simulated HAADF-STEM images, keeping the weights of the best validation F1.")
public class TrainColumnFinderCommand extends Ml4emCommand {

	@Parameter(label = "Steps", min = "1", persist = false)
	private int steps = ColumnTrainingSettings.DEFAULT_STEPS;

	@Parameter(label = "Patches per step", min = "1", persist = false)
	private int batch = ColumnTrainingSettings.DEFAULT_BATCH;

	@Parameter(label = "Patch size (pixels)", min = "16", persist = false)
	private int patch_size = ColumnTrainingSettings.DEFAULT_PATCH_SIZE;

	@Parameter(label = "Learning rate", persist = false)
	private float learning_rate = ColumnTrainingSettings.DEFAULT_LEARNING_RATE;

	@Parameter(label = "U-Net depth", min = "1", max = "6", persist = false)
	private int depth = ColumnTrainingSettings.DEFAULT_DEPTH;

	@Parameter(label = "Base filters", min = "1", max = "256", persist = false)
	private int base_filters = ColumnTrainingSettings.DEFAULT_BASE_FILTERS;

	@Parameter(label = "Kernel size", min = "1", max = "9", persist = false)
	private int kernel_size = ColumnTrainingSettings.DEFAULT_KERNEL_SIZE;

	@Parameter(label = "Validation images", min = "1", persist = false)
	private int validation_images = ColumnTrainingSettings.DEFAULT_VALIDATION_IMAGES;

	@Parameter(label = "Validate every (steps)", min = "1", persist = false)
	private int validate_every = ColumnTrainingSettings.DEFAULT_VALIDATE_EVERY;

	@Parameter(label = "Random seed", persist = false)
	private long seed = ColumnTrainingSettings.DEFAULT_SEED;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "CPU threads (0: all)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(label = "Save the model to (new folder)", required = false, persist = false, style = "save",
		description = "in Fiji: where the trained model goes; headless runs write output='<folder>'/column_model instead")
	private File model_folder;

	@Parameter(label = "Validation curve", type = ItemIO.OUTPUT)
	private ResultTable validation;

	@Parameter(label = "Result files", type = ItemIO.OUTPUT)
	private ResultFiles files;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		ColumnTrainingSettings settings = ColumnTrainingSettings.defaults().withArchitecture(depth, base_filters, kernel_size).withLearningRate(learning_rate)
			.withSteps(steps).withBatch(batch, patch_size)
			.withValidation(validation_images, validate_every).withSeed(seed);
		if (model_folder != null && Files.exists(model_folder.toPath()))
			throw new BadInputException("model_folder='" + model_folder + "' already exists; choose a new folder, so that no model is overwritten.");
		int cpus = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		ColumnFinderTrainer trainer = new ColumnFinderTrainer(settings, DeviceChoice.parse(device), cpus);
		Path work = Files.createTempDirectory("ml4em-column-training");
		Path trained = work.resolve("model");
		ColumnTrainingReport report = trainer.train(trained, progress);
		ColumnModelFolder.writeDescription(trained, ColumnModelFolder.describe(trainer.shape(), settings, report));
		progress.status("Writing the bioimage.io description");
		try (SavedModelRunner runner = SavedModelRunner.load(trained, TensorFlowDevices.resolve(DeviceChoice.CPU))) {
			BioImageIoExport.write(trained, ColumnModelFolder.read(trained, runner), runner, trainingNote(report, settings));
		}
		validation = curve(report);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("column_model", (ResultFiles.Folder) dir -> Folders.moveContents(trained, dir));
		out.put("validation.csv", validation);
		files = new ResultFiles(out);
		if (model_folder != null) {
			Files.createDirectories(model_folder.toPath());
			Folders.moveContents(trained, model_folder.toPath());
		}
		ColumnTrainingReport.Validation best = report.best();
		summary = String.format(Locale.ROOT, "Train Column Finder: %d steps in %.0f s on %s, %d weights; best validation F1 %.4f at step %d "
			+ "(atom %.3f, vacancy %.3f, dopant %.3f; RMS %.1f pm; %d images, tolerance %.1f Å).", report.steps(), report.seconds(), report.device(),
			report.parameters(), best.f1(), report.bestStep(), best.f1ByClass().get(0), best.f1ByClass().get(1), best.f1ByClass().get(2), best.rmsErrorPm(),
			settings.validationImages(), ColumnFinderTrainer.TOLERANCE_ANGSTROM);
		return summary;
	}

	private static String trainingNote(ColumnTrainingReport report, ColumnTrainingSettings settings) {
		return String.format(Locale.ROOT, "Trained by ML4EM's Train Column Finder for %d steps (seed %d) in %.0f s on %s; best validation F1 %.4f at step %d.",
			report.steps(), settings.seed(), report.seconds(), report.device(), report.best().f1(), report.bestStep());
	}

	private static ResultTable curve(ColumnTrainingReport report) {
		List<List<Object>> rows = new ArrayList<>();
		for (ColumnTrainingReport.Validation v : report.validations())
			rows.add(List.of(v.step(), v.loss(), v.f1(), v.f1ByClass().get(0), v.f1ByClass().get(1), v.f1ByClass().get(2), v.rmsErrorPm()));
		return new ResultTable("Validation", List.of("step", "loss", "f1", "f1_atom", "f1_vacancy", "f1_dopant", "rms_pm"), rows);
	}

	// -- Outputs --

	/** The F1 curve: step, loss, f1, f1_atom, f1_vacancy, f1_dopant, rms_pm. */
	public ResultTable getValidation() {
		return validation;
	}

	/** column_model/ and validation.csv, for the headless output folder. */
	public ResultFiles getFiles() {
		return files;
	}

	/** One line: steps, time, device, best F1 per class. */
	public String getSummary() {
		return summary;
	}

	/** @param n Adam steps */
	public void setSteps(int n) {
		this.steps = n;
	}
}
