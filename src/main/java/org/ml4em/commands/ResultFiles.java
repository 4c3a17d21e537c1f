package org.ml4em.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results that a command delivers as a folder of files when run headless ({@code output='folder'}):
 * file name → content, where content is a {@link ResultTable} (written as CSV), a
 * {@link SpectrumPlot} (PNG), a 2-D image (TIFF) or a {@link Folder} that writes itself (e.g. a
 * TensorFlow SavedModel). Used when the number of files depends on the data (one spectrum table per
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

	/** @param files name → content; copied */
	public ResultFiles {
		files = new LinkedHashMap<>(files);
		for (String name : files.keySet())
			if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith("."))
				throw new IllegalArgumentException("not a plain file name: '" + name + "'");
	}
}
