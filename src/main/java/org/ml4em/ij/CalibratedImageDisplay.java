package org.ml4em.ij;

import java.awt.GraphicsEnvironment;
import java.util.List;

import org.ml4em.cluster.PixelClusterer;
import org.ml4em.commands.CalibratedOutputs;
import org.ml4em.io.PixelCalibration;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

/**
 * Shows the 2-D image outputs (and 3-D ones with named slices, such as the band-gap map) of commands that know their pixel size ({@link CalibratedOutputs},
 * e.g. the t/λ map in nm) as calibrated ImageJ images in Fiji; SciJava's own display of an
 * {@code Img} would drop the calibration. Label images get the label colours. Inert headless and
 * in the launcher, which writes calibrated TIFFs itself.
 */
@Plugin(type = PostprocessorPlugin.class)
public class CalibratedImageDisplay extends AbstractPostprocessorPlugin {

	@Override
	@SuppressWarnings("unchecked")
	public void process(Module module) {
		if (Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY) || GraphicsEnvironment.isHeadless()
			|| !(module.getDelegateObject() instanceof CalibratedOutputs calibrated))
			return;
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			if (!(module.getOutput(item.getName()) instanceof RandomAccessibleInterval<?> image) || !(image.getType() instanceof RealType<?>))
				continue;
			PixelCalibration pixel = calibrated.calibration(item.getName());
			String title = item.getLabel() == null ? item.getName() : item.getLabel();
			List<String> slices = calibrated.sliceLabels(item.getName());
			if (image.numDimensions() == 3 && image.dimension(2) == slices.size()) {
				ImagePlusImgs.toFloatStack((RandomAccessibleInterval<? extends RealType<?>>) image, title, slices, pixel).show();
				module.resolveOutput(item.getName());
				continue;
			}
			if (image.numDimensions() != 2)
				continue;
			ImagePlus imp = image.getType() instanceof UnsignedShortType
				? labelImage((RandomAccessibleInterval<UnsignedShortType>) image, title, pixel)
				: ImagePlusImgs.toFloatImage((RandomAccessibleInterval<? extends RealType<?>>) image, title, pixel);
			imp.show();
			module.resolveOutput(item.getName());
		}
	}

	/** Labels 0 … k−1, and {@link PixelClusterer#UNLABELLED} for pixels without one. */
	static ImagePlus labelImage(RandomAccessibleInterval<UnsignedShortType> labels, String title, PixelCalibration pixel) {
		int max = -1;
		for (UnsignedShortType v : Views.flatIterable(labels))
			if (v.get() != PixelClusterer.UNLABELLED)
				max = Math.max(max, v.get());
		return ImagePlusImgs.toLabelImage(labels, Math.max(1, max + 1), title, ImagePlusImgs.calibration(pixel));
	}
}
