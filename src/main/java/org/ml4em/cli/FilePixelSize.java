package org.ml4em.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;

/**
 * A command's {@value #KEY} (Å) from its image file's calibration, when the user gives none: the
 * launcher's counterpart of Fiji passing the active image's calibration. Files whose x axis has no
 * length unit leave it unset.
 */
final class FilePixelSize {

	/** The parameter filled: pixel size in Å. */
	static final String KEY = "pixel_size";

	private static final Map<String, Double> ANGSTROM_PER_UNIT = Map.of("å", 1.0, "a", 1.0, "angstrom", 1.0, "nm", 10.0, "pm", 0.01, "µm", 1e4,
		"um", 1e4, "micron", 1e4, "microns", 1e4);

	private FilePixelSize() {}

	/** {@return the pixel size of the file's first axis in Å, or empty when it has no length unit} */
	static OptionalDouble angstrom(Path file) throws IOException {
		try (EmFile em = EmFiles.open(file)) {
			Axis x = em.signal().axes().get(0);
			Double factor = x.units() == null ? null : ANGSTROM_PER_UNIT.get(x.units().trim().toLowerCase(Locale.ROOT));
			return factor == null || !(x.scale() > 0) ? OptionalDouble.empty() : OptionalDouble.of(x.scale() * factor);
		}
	}
}
