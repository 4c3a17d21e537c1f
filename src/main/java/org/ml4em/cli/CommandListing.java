package org.ml4em.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.io.PrintStream;

import org.ml4em.commands.CommandCatalog;
import org.ml4em.commands.ResultFiles;
import org.ml4em.commands.ResultTable;
import org.ml4em.commands.SpectrumPlot;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;

/** Prints every command with its parameters, their types, defaults, ranges and choices ({@code --list}). */
final class CommandListing {

	private final PrintStream out;

	CommandListing(PrintStream out) {
		this.out = out;
	}

	void print(CommandCatalog catalog) throws ModuleException {
		for (CommandInfo info : catalog.all()) {
			out.println("\"" + info.getTitle() + "\"   (menu: " + info.getMenuPath().getMenuString() + "; class " + info.getClassName() + ")");
			if (info.getDescription() != null && !info.getDescription().isEmpty()) out.println("  " + info.getDescription());
			Module defaults = info.createModule();
			out.println("  parameters:");
			for (ModuleItem<?> item : info.inputs())
				if (CommandCatalog.isUserInput(item)) out.println("    " + describeInput(item, defaults));
			List<ModuleItem<?>> outputs = new ArrayList<>();
			info.outputs().forEach(outputs::add);
			boolean folder = outputs.stream().anyMatch(o -> ResultFiles.class.isAssignableFrom(o.getType()));
			out.println("    " + String.format("%-16s %-10s %s", HeadlessRun.OUTPUT_KEY, folder ? "folder" : "file",
				folder ? "a new folder that receives the result files"
					: OutputPlan.tablesOnly(outputs) ? "the .csv file that receives the table" : "where the main image output goes (.tif); tables beside it as .csv"));
			for (ModuleItem<?> item : outputs)
				if (OutputPlan.onRequest(item)) out.println("    " + String.format("%-16s %-10s %s", OutputPlan.requestKey(item), "file", "where " + item.getName() + " goes, when wanted"));
			out.println("  outputs:");
			Map<String, String> files = OutputPlan.fileNames(outputs, "<output>", "<stem>");
			for (ModuleItem<?> item : outputs)
				out.println("    " + String.format("%-16s %s", item.getName(), folder ? folderKind(item) : outputKind(item, files.get(item.getName()))));
			out.println();
		}
	}

	private static String describeInput(ModuleItem<?> item, Module defaults) {
		StringBuilder s = new StringBuilder(String.format("%-16s %-10s", item.getName(), typeName(item)));
		Object value = item.getValue(defaults);
		if (CommandCatalog.isImage(item)) s.append(item.isRequired() ? "required" : "optional");
		else if (value != null) s.append("default ").append(value);
		if (item.getMinimumValue() != null) s.append(", min ").append(item.getMinimumValue());
		if (item.getMaximumValue() != null) s.append(", max ").append(item.getMaximumValue());
		if (item.getChoices() != null && !item.getChoices().isEmpty()) s.append(", one of ").append(item.getChoices().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("|")));
		if (item.getLabel() != null) s.append("   (").append(item.getLabel()).append(')');
		return s.toString();
	}

	private static String typeName(ModuleItem<?> item) {
		if (CommandCatalog.isImage(item)) return "image";
		return item.getType().getSimpleName();
	}

	/** Commands that write a folder write only their result files there; the other outputs are for Fiji. */
	private static String folderKind(ModuleItem<?> item) {
		if (ResultFiles.class.isAssignableFrom(item.getType())) return "files  -> <output>/ (tables as CSV, plots as PNG, images as TIFF, models as folders)";
		return item.getType() == String.class ? "text   -> printed" : "shown in Fiji (its file is among the result files)";
	}

	private static String outputKind(ModuleItem<?> item, String file) {
		String kind = CommandCatalog.isImage(item) ? "image  -> TIFF " : ResultTable.class.isAssignableFrom(item.getType()) ? "table  -> CSV "
			: SpectrumPlot.class.isAssignableFrom(item.getType()) ? "plot   -> PNG " : null;
		if (kind == null) return "text   -> printed";
		return OutputPlan.onRequest(item) ? kind + "when " + OutputPlan.requestKey(item) + "='<file>' is given" : kind + file;
	}
}
