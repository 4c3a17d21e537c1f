package org.ml4em.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.PixelCalibration;

/**
 * A command's {@value #KEY} (Å) from its image file's calibration, when the user gives none: the
 * launcher's counterpart of Fiji passing the active image's calibration. Files whose x axis has no
 * length unit leave it unset.
 */
final class FilePixelSize {

	/** The parameter filled: pixel size in Å. */
	static final String KEY = "pixel_size";

	private FilePixelSize() {}

	/** {@return the pixel size of the file's first axis in Å, or empty when it has no length unit} */
	static OptionalDouble angstrom(Path file) throws IOException {
		try (EmFile em = EmFiles.open(file)) {
			Axis x = em.signal().axes().get(0);
			return PixelCalibration.angstrom(x.scale(), x.units());
		}
	}
}
