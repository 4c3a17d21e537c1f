package org.ml4em.ij;

import org.ml4em.commands.ResultFiles;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * In Fiji, {@link ResultFiles} outputs are not shown: they are what a headless run writes to its
 * output folder, and the command's tables, plots and images show the same results.
 */
@Plugin(type = PostprocessorPlugin.class)
public class ResultFilesDisplay extends AbstractPostprocessorPlugin {

	@Override
	public void process(Module module) {
		if (Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY))
			return;
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (ResultFiles.class.isAssignableFrom(item.getType()))
				module.resolveOutput(item.getName());
	}
}
