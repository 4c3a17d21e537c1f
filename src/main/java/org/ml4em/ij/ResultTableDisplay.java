package org.ml4em.ij;

import org.ml4em.commands.ResultTable;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * Shows the {@link ResultTable} outputs of ML4EM commands as ImageJ results tables when they run
 * inside Fiji, so that a macro can select and save them (SciJava's own table display needs
 * scijava-table, which ML4EM cannot compile against). The headless launcher writes tables as CSV
 * itself and sets {@value #LAUNCHER_PROPERTY}, which switches this off there.
 */
@Plugin(type = PostprocessorPlugin.class)
public class ResultTableDisplay extends AbstractPostprocessorPlugin {

	/** System property set by {@code ./ml4em}: tables are files there, not windows. */
	public static final String LAUNCHER_PROPERTY = "ml4em.launcher";

	@Override
	public void process(Module module) {
		if (Boolean.getBoolean(LAUNCHER_PROPERTY)) return;
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			if (!ResultTable.class.isAssignableFrom(item.getType())) continue;
			ResultTable table = (ResultTable) module.getOutput(item.getName());
			if (table == null) continue;
			ResultsTables.show(ResultsTables.of(table), table.title());
			// Shown: no other display needs to look at it.
			module.resolveOutput(item.getName());
		}
	}
}
