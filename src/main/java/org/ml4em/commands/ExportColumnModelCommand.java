package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.Folders;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Export Column Model (bioimage.io)}: a copy of a column model (the
 * shipped one by default) as a bioimage.io model folder, for deepImageJ, the bioimage.io tools or
 * the model zoo: the SavedModel and its ML4EM description, {@value BioImageIoExport#RDF}, the
 * zipped weights, test tensors and a cover.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Export Column Model (bioimage.io)" "output='out/export'"} writes {@code out/export/column_model/}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Export Column Model (bioimage.io)", label = "Export Column Model (bioimage.io)", headless = true,
	description = "Writes a column finder model as a bioimage.io model folder (rdf.yaml, zipped SavedModel, test tensors).")
public class ExportColumnModelCommand extends Ml4emCommand {

	@Parameter(label = "Model folder (empty: shipped model)", required = false, persist = false, style = "directory")
	private File model;

	@Parameter(label = "Export to (new folder)", required = false, persist = false, style = "save",
		description = "in Fiji: where the bioimage.io model goes; headless runs write output='<folder>'/column_model instead")
	private File model_folder;

	@Parameter(label = "Result files", type = ItemIO.OUTPUT)
	private ResultFiles files;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		boolean shipped = ColumnModelFolder.isShipped(model);
		if (model_folder != null && Files.exists(model_folder.toPath()))
			throw new BadInputException("model_folder='" + model_folder + "' already exists; choose a new folder, so that nothing is overwritten.");
		progress.status("Writing the bioimage.io files");
		Path work = ColumnModelFolder.bioImageIoCopy(model);
		files = new ResultFiles(Map.of("column_model", (ResultFiles.Folder) dir -> Folders.copyTree(work, dir)));
		if (model_folder != null) Folders.copyTree(work, model_folder.toPath());
		summary = "Export Column Model: " + (shipped ? "the shipped model" : "model " + model) + " as a bioimage.io model (" + BioImageIoExport.RDF
			+ ", " + BioImageIoExport.WEIGHTS + ", test tensors, cover)" + (model_folder != null ? " in " + model_folder : "") + ".";
		return summary;
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
