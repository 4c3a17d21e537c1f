package org.ml4em.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.io.PixelCalibration;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Results that a command delivers as a folder of files when run headless ({@code output='folder'}):
 * file name → content, where content is a {@link ResultTable} (written as CSV), a
 * {@link SpectrumPlot} (PNG), a 2-D image (TIFF), an {@link Image} (TIFF with pixel size), a {@link Folder} that writes itself (e.g. a
 * TensorFlow SavedModel), or a {@link FileContent} that does (e.g. a zip). Used when the number of files depends on the data (one spectrum table per
 * thickness class). In Fiji the same results are shown through the command's other outputs.
 *
 * @param files file or folder name → content, in writing order
 */
public record ResultFiles(Map<String, Object> files) {

	/** A sub-folder that writes its own content. */
	@FunctionalInterface
	public interface Folder {

		/**
		 * Fills the folder.
		 *
		 * @param dir an existing empty folder
		 * @throws IOException when writing fails
		 */
		void writeTo(Path dir) throws IOException;
	}

	/** A file that writes itself (e.g. a zip). */
	@FunctionalInterface
	public interface FileContent {

		/**
		 * Writes the file.
		 *
		 * @param file a path where nothing is yet
		 * @throws IOException when writing fails
		 */
		void writeTo(Path file) throws IOException;
	}

	/**
	 * A float image written as a TIFF with its pixel size: x, y and optionally a third axis of
	 * named slices (e.g. a band-gap map: eg, eg_low, eg_high).
	 *
	 * @param image axes x, y[, slice]
	 * @param calibration the pixel size, or null when unknown
	 * @param sliceLabels one name per slice (one for a 2-D image)
	 */
	public record Image(RandomAccessibleInterval<FloatType> image, PixelCalibration calibration, List<String> sliceLabels) {

		/** Copies the labels and checks there is one per slice. */
		public Image {
			sliceLabels = List.copyOf(sliceLabels);
			long slices = image.numDimensions() > 2 ? image.dimension(2) : 1;
			if (sliceLabels.size() != slices)
				throw new IllegalArgumentException(slices + " slices but " + sliceLabels.size() + " labels");
		}
	}

	/** @param files name → content; copied */
	public ResultFiles {
		files = new LinkedHashMap<>(files);
		for (String name : files.keySet())
			if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith("."))
				throw new IllegalArgumentException("not a plain file name: '" + name + "'");
	}
}
