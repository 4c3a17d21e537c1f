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
import java.util.stream.Stream;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.Folders;
import org.ml4em.io.ImageData;
import org.ml4em.io.TiffReader;
import org.ml4em.scan.ScanCompleterTrainer;
import org.ml4em.scan.ScanTrainingReport;
import org.ml4em.scan.ScanTrainingSettings;
import org.ml4em.scan.TrainingImage;
import org.ml4em.tf.DeviceChoice;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Train Scan Completer}: trains the partial-scan completion network
 * (U-Net generator against an LSGAN critic) on sparse scans of images made on the fly: simulated
 * atomic lattices, simulated low-magnification scenes and, with {@code real_images}, crops of real
 * STEM images; the weights of the best validation PSNR gain over harmonic inpainting are kept.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Train Scan Completer" "output='training',real_images='stem/truth-2.tif'"}
 * writes {@code training/scan_model/} (the SavedModel and {@value ScanModelFolder#DESCRIPTION}, for
 * Complete Partial Scan's {@code model=}, and the bioimage.io files: {@value BioImageIoExport#RDF},
 * the zipped SavedModel, test tensors, a cover) and {@code training/validation.csv}. The defaults are the
 * settings of the shipped model's first stage; its second continued it with {@code init_model}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Train Scan Completer", label = "Train Scan Completer", headless = true,
	description = "Trains the partial-scan completion network (adversarial U-Net) on simulated and real images, keeping the weights of the best validation PSNR.")
public class TrainScanCompleterCommand extends Ml4emCommand {

	private static final ScanTrainingSettings DEFAULTS = ScanTrainingSettings.defaults();

	@Parameter(label = "Steps", min = "1", persist = false)
	private int steps = DEFAULTS.steps();

	@Parameter(label = "Patches per step", min = "1", persist = false)
	private int batch = DEFAULTS.batch();

	@Parameter(label = "Patch size (pixels)", min = "32", persist = false)
	private int patch_size = DEFAULTS.patchSize();

	@Parameter(label = "Learning rate", persist = false)
	private float learning_rate = DEFAULTS.learningRate();

	@Parameter(label = "Adversarial weight", min = "0", persist = false, description = "weight of the LSGAN term against ln(MSE)")
	private float adversarial_weight = DEFAULTS.adversarialWeight();

	@Parameter(label = "U-Net depth", min = "1", max = "6", persist = false)
	private int depth = DEFAULTS.depth();

	@Parameter(label = "Base filters", min = "1", max = "256", persist = false)
	private int base_filters = DEFAULTS.baseFilters();

	@Parameter(label = "Lowest coverage", persist = false)
	private double min_coverage = DEFAULTS.minCoverage();

	@Parameter(label = "Highest coverage", persist = false)
	private double max_coverage = DEFAULTS.maxCoverage();

	@Parameter(label = "Share of simulated lattices", min = "0", max = "1", persist = false,
		description = "of the simulated patches; the others are low-magnification scenes")
	private double lattice_share = DEFAULTS.latticeShare();

	@Parameter(label = "Real images (TIFF file or folder, optional)", required = false, persist = false,
		description = "real STEM images to crop training patches from; leave out the ones you validate on")
	private File real_images;

	@Parameter(label = "Continue from model (folder, optional)", required = false, persist = false, style = "directory",
		description = "a scan completer of the same depth and base filters whose training goes on; empty to start afresh")
	private File init_model;

	@Parameter(label = "Validation images", min = "1", persist = false)
	private int validation_images = DEFAULTS.validationImages();

	@Parameter(label = "Validate every (steps)", min = "1", persist = false)
	private int validate_every = DEFAULTS.validateEvery();

	@Parameter(label = "Random seed", persist = false)
	private long seed = DEFAULTS.seed();

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "CPU threads (0: all)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(label = "Save the model to (new folder)", required = false, persist = false, style = "save",
		description = "in Fiji: where the trained model goes; headless runs write output='<folder>'/scan_model instead")
	private File model_folder;

	@Parameter(label = "Validation curve", type = ItemIO.OUTPUT)
	private ResultTable validation;

	@Parameter(label = "Result files", type = ItemIO.OUTPUT)
	private ResultFiles files;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		ScanTrainingSettings settings = new ScanTrainingSettings(steps, batch, patch_size, learning_rate, adversarial_weight, depth, base_filters, min_coverage,
			max_coverage, lattice_share, validate_every, validation_images, seed);
		if (model_folder != null && Files.exists(model_folder.toPath()))
			throw new BadInputException("model_folder='" + model_folder + "' already exists; choose a new folder, so that no model is overwritten.");
		List<TrainingImage> real = realImages();
		int cpus = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		ScanCompleterTrainer trainer = new ScanCompleterTrainer(settings, DeviceChoice.parse(device), cpus);
		boolean continued = init_model != null && !init_model.getPath().isEmpty();
		if (continued) trainer = trainer.continuing(init_model.toPath());
		Map<String, Object> earlier = continued ? ScanModelFolder.earlierTraining(init_model.toPath()) : null;
		Path work = Files.createTempDirectory("ml4em-scan-training");
		Path trained = work.resolve("model");
		ScanTrainingReport report = trainer.train(real, trained, progress);
		ScanModelFolder.writeDescription(trained, ScanModelFolder.describe(trainer.shape(), settings, real, earlier, report));
		progress.status("Writing the bioimage.io description");
		ScanModelFolder.writeBioImageIo(trained, String.format(Locale.ROOT, "Trained by ML4EM's Train Scan Completer for %d steps (seed %d) in %.0f s on %s; "
			+ "best validation PSNR gain over harmonic inpainting %+.2f dB at step %d.", report.steps(), settings.seed(), report.seconds(), report.device(),
			report.best().gainDb(), report.bestStep()));
		validation = curve(report);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("scan_model", (ResultFiles.Folder) dir -> Folders.moveContents(trained, dir));
		out.put("validation.csv", validation);
		files = new ResultFiles(out);
		if (model_folder != null) {
			Files.createDirectories(model_folder.toPath());
			Folders.moveContents(trained, model_folder.toPath());
		}
		ScanTrainingReport.Validation best = report.best();
		summary = String.format(Locale.ROOT, "Train Scan Completer: %d steps in %.0f s on %s, %d weights, %d real image(s); best validation PSNR gain over "
			+ "harmonic inpainting %+.2f dB at step %d (spiral 1/16 %+.2f dB, 1/100 %+.2f dB; %d patches of %d px).", report.steps(), report.seconds(),
			report.device(), report.parameters(), real.size(), best.gainDb(), report.bestStep(), best.gainDb16(), best.gainDb100(), settings.validationImages(),
			settings.patchSize());
		return summary;
	}

	/** The TIFF named by {@code real_images}, or every TIFF in that folder, sorted by name. */
	private List<TrainingImage> realImages() throws IOException {
		if (real_images == null || real_images.getPath().isEmpty()) return List.of();
		Path where = real_images.toPath();
		if (!Files.exists(where)) throw new BadInputException("real_images='" + where + "' does not exist; give a TIFF file or a folder of TIFF files.");
		List<Path> files;
		if (Files.isDirectory(where)) try (Stream<Path> list = Files.list(where)) {
			files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tiff?")).sorted().toList();
		}
		else files = List.of(where);
		if (files.isEmpty()) throw new BadInputException("real_images='" + where + "' holds no .tif file.");
		List<TrainingImage> images = new ArrayList<>();
		for (Path f : files) {
			ImageData d = TiffReader.read(f);
			if (d.planes() != 1) throw new BadInputException("real_images: " + f.getFileName() + " has " + d.planes() + " planes; give 2-D images.");
			images.add(new TrainingImage(PlaneValues.of(d.image()), d.width(), d.height(), f.getFileName().toString()));
		}
		return images;
	}

	private static ResultTable curve(ScanTrainingReport report) {
		List<List<Object>> rows = new ArrayList<>();
		for (ScanTrainingReport.Validation v : report.validations())
			rows.add(List.of(v.step(), v.reconstruction(), v.adversarial(), v.critic(), v.gainDb(), v.gainDb16(), v.gainDb100()));
		return new ResultTable("Validation", List.of("step", "ln_mse", "adversarial", "critic", "gain_db", "gain_db_1_16", "gain_db_1_100"), rows);
	}

	// -- Outputs --

	/** The validation curve: step, ln_mse, adversarial, critic, gain_db, gain_db_1_16, gain_db_1_100. */
	public ResultTable getValidation() {
		return validation;
	}

	/** scan_model/ and validation.csv, for the headless output folder. */
	public ResultFiles getFiles() {
		return files;
	}

	/** One line: steps, time, device, best validation gain. */
	public String getSummary() {
		return summary;
	}
}
