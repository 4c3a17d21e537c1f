package org.ml4em.ij;

import java.awt.GraphicsEnvironment;

import org.ml4em.commands.FindAtomicColumnsCommand;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * In Fiji, Find Atomic Columns draws what it found on the image it ran on: coloured points by
 * class ({@link ColumnOverlays}). Runs before the other displays open the heat map, so that the
 * active image is still the input. Inert headless and in the launcher.
 */
@Plugin(type = PostprocessorPlugin.class, priority = Priority.HIGH)
public class ColumnOverlayDisplay extends AbstractPostprocessorPlugin {

	@Override
	public void process(Module module) {
		if (Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY) || GraphicsEnvironment.isHeadless()
			|| !(module.getDelegateObject() instanceof FindAtomicColumnsCommand command) || command.getColumns() == null)
			return;
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null || image.getWidth() != command.imageWidth() || image.getHeight() != command.imageHeight())
			return;
		ColumnOverlays.show(image, command.getFound());
	}
}
