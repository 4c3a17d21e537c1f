package org.ml4em.ij;

import java.io.File;

import org.ml4em.commands.SpectrumFileCommand;
import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.WindowManager;
import ij.io.FileInfo;
import ij.measure.Calibration;

/**
 * In Fiji, the EELS commands ({@link SpectrumFileCommand}) read their spectrum image from a file;
 * when the active image was opened from a file (by File > Import > Gatan DM3/DM4 (ML4EM), or a
 * TIFF stack), this fills in
 * that file — and for a TIFF the energy calibration of its slices — as the dialog's starting
 * values, so the user confirms instead of looking for the file again. Values given explicitly
 * (macro keys, Java callers) are left alone.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.HIGH)
public class CurrentImageFileInput extends AbstractPreprocessorPlugin {

	@Override
	public void process(Module module) {
		if (!(module.getDelegateObject() instanceof SpectrumFileCommand) || module.isInputResolved("input")
			|| module.getInput("input") != null)
			return;
		ImagePlus imp = WindowManager.getCurrentImage();
		File file = sourceFile(imp);
		if (file == null)
			return;
		module.setInput("input", file);
		Calibration cal = imp.getCalibration();
		if (imp.getNSlices() > 1 && "eV".equals(cal.getZUnit()) && !module.isInputResolved("energy_step")) {
			module.setInput("energy_origin", cal.getZ(0));
			module.setInput("energy_step", cal.pixelDepth);
		}
	}

	/** {@return the file an image was opened from, or null when it has none that still exists} */
	static File sourceFile(ImagePlus imp) {
		FileInfo info = imp == null ? null : imp.getOriginalFileInfo();
		if (info == null || info.fileName == null || info.directory == null || info.directory.isEmpty())
			return null;
		File file = new File(info.directory, info.fileName);
		return file.isFile() ? file : null;
	}
}
