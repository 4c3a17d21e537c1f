package org.ml4em.ij;

import org.ml4em.commands.SpectrumPlot;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

/**
 * Shows the {@link SpectrumPlot} outputs of ML4EM commands as ImageJ Plot windows in Fiji; the
 * headless launcher writes them as PNG files instead (see {@link ResultTableDisplay}).
 */
@Plugin(type = PostprocessorPlugin.class)
public class SpectrumPlotDisplay extends AbstractPostprocessorPlugin {

	@Override
	public void process(Module module) {
		if (Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY) || java.awt.GraphicsEnvironment.isHeadless())
			return;
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			if (!SpectrumPlot.class.isAssignableFrom(item.getType()))
				continue;
			SpectrumPlot plot = (SpectrumPlot) module.getOutput(item.getName());
			if (plot == null)
				continue;
			SpectrumPlots.toPlot(plot).show();
			module.resolveOutput(item.getName());
		}
	}
}
