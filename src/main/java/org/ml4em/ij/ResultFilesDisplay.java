package org.ml4em.ij;

import org.ml4em.commands.ResultFiles;
import org.ml4em.commands.SpectrumPlot;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * In Fiji, {@link ResultFiles} outputs are not shown as such: they are what a headless run writes
 * to its output folder, and the command's tables, plots and images show the same results. The one
 * exception is plots: a command declares one plot output (e.g. the thinnest class's spectra), and
 * the others of its result files (one per class) open as further Plot windows, so that Fiji shows
 * what the folder holds.
 */
@Plugin(type = PostprocessorPlugin.class)
public class ResultFilesDisplay extends AbstractPostprocessorPlugin {

	@Override
	public void process(Module module) {
		if (Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY))
			return;
		boolean display = !java.awt.GraphicsEnvironment.isHeadless();
		java.util.Set<Object> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (SpectrumPlot.class.isAssignableFrom(item.getType()))
				shown.add(module.getOutput(item.getName()));
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (ResultFiles.class.isAssignableFrom(item.getType())) {
				ResultFiles files = (ResultFiles) module.getOutput(item.getName());
				if (display && files != null)
					for (Object file : files.files().values())
						if (file instanceof SpectrumPlot plot && !shown.contains(plot))
							SpectrumPlots.toPlot(plot).show();
				module.resolveOutput(item.getName());
			}
	}
}
