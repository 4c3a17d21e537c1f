package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Export Model (bioimage.io)}: any trained ML4EM image model (the column
 * finder, the scan completer, shipped or trained by the user) as a bioimage.io zip: {@code rdf.yaml}
 * (format 0.5), the zipped SavedModel, test tensors made by the model itself, cover, licence and
 * citation, at the zip's root as bioimage.io and DeepImageJ expect. Which model it is comes from its
 * folder's description file.
 * <p>
 * The ZLP ensemble is refused: it maps (energy loss, ln intensity) points to one spectrum per
 * replica, not an image to an image, which is what bioimage.io model runners (DeepImageJ) run.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Export Model (bioimage.io)" "shipped='scan_completer',output='out'"}
 * writes {@code out/ML4EM_scan_completer.zip}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Export Model (bioimage.io)", label = "Export Model (bioimage.io)", headless = true,
	description = "Writes a trained ML4EM model (column finder or scan completer) as a bioimage.io zip for DeepImageJ and bioimage.io tools.")
public class ExportModelCommand extends Ml4emCommand {

	@Parameter(label = "Model folder (empty: a shipped model)", required = false, persist = false, style = "directory",
		description = "a model folder written by Train Column Finder or Train Scan Completer")
	private File model;

	@Parameter(label = "Shipped model (without a folder)", choices = { "atomic_column_finder", "scan_completer" }, persist = false)
	private String shipped = "atomic_column_finder";

	@Parameter(label = "Zip file", required = false, persist = false, style = "save",
		description = "in Fiji: where the zip goes; headless runs write output='<folder>'/ML4EM_<model>.zip instead")
	private File zip;

	@Parameter(label = "Result files", type = ItemIO.OUTPUT)
	private ResultFiles files;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (zip != null && Files.exists(zip.toPath()))
			throw new BadInputException("zip='" + zip + "' already exists; choose a new file, so that nothing is overwritten.");
		boolean isShipped = ShippedModel.isShipped(model);
		String kind = isShipped ? shipped : kindOf(model.toPath());
		progress.status("Writing the bioimage.io files");
		Path work = kind.equals("atomic_column_finder") ? ColumnModelFolder.bioImageIoCopy(model) : ScanModelFolder.bioImageIoCopy(model);
		String name = "ML4EM_" + kind + ".zip";
		files = new ResultFiles(Map.of(name, (ResultFiles.FileContent) file -> zipFolder(work, file)));
		if (zip != null) zipFolder(work, zip.toPath());
		summary = "Export Model: " + (isShipped ? "the shipped " + kind.replace('_', ' ') : "model " + model) + " as a bioimage.io zip (rdf.yaml, "
			+ BioImageIoExport.WEIGHTS + ", test tensors, cover)" + (zip != null ? " in " + zip : "") + ".";
		return summary;
	}

	private static String kindOf(Path folder) {
		if (Files.isRegularFile(folder.resolve(ColumnModelFolder.DESCRIPTION))) return "atomic_column_finder";
		if (Files.isRegularFile(folder.resolve(ScanModelFolder.DESCRIPTION))) return "scan_completer";
		if (Files.isRegularFile(folder.resolve(ZlpModelFolder.DESCRIPTION))) throw new BadInputException("model='" + folder + "' is a ZLP ensemble, which maps " +
			"(energy loss, ln intensity) points to replica spectra, not an image to an image; bioimage.io runners such as DeepImageJ run image models. " +
			"Its SavedModel in that folder can be used from TensorFlow directly.");
		throw new BadInputException("model='" + folder + "' holds neither " + ColumnModelFolder.DESCRIPTION + " nor " + ScanModelFolder.DESCRIPTION +
			"; expected a folder written by Train Column Finder or Train Scan Completer.");
	}

	/** The folder's files at the zip's root, written through a temporary file so that a failed export leaves no zip. */
	static void zipFolder(Path folder, Path zipFile) throws IOException {
		Path temp = zipFile.resolveSibling(zipFile.getFileName() + ".part");
		BioImageIoExport.zipFiles(folder, p -> true, temp);
		Files.move(temp, zipFile);
	}

	/** The folder files, for the headless output folder. */
	public ResultFiles getFiles() {
		return files;
	}

	/** One line: which model, which files. */
	public String getSummary() {
		return summary;
	}
}
