package org.ml4em.ij;

import org.ml4em.commands.PixelSizeInput;
import org.ml4em.io.PixelCalibration;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.Calibration;

/**
 * In Fiji, commands with a pixel size ({@link PixelSizeInput}: Find Atomic Columns, Complete
 * Partial Scan) start with the pixel size of the active image when it is calibrated in a length
 * (Å, nm, pm, µm), converted to Å; a value given by a macro or a Java caller is left alone.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.HIGH)
public class PixelSizeFromImage extends AbstractPreprocessorPlugin {

	@Override
	public void process(Module module) {
		if (!(module.getDelegateObject() instanceof PixelSizeInput) || module.isInputResolved(PixelSizeInput.PIXEL_SIZE)
			|| module.getInput(PixelSizeInput.PIXEL_SIZE) instanceof Double d && d > 0)
			return;
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) return;
		Calibration cal = image.getCalibration();
		PixelCalibration.angstrom(cal.pixelWidth, cal.getUnit()).ifPresent(a -> module.setInput(PixelSizeInput.PIXEL_SIZE, a));
	}
}
