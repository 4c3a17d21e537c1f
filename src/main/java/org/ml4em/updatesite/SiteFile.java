package org.ml4em.updatesite;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A file to put on the update site.
 *
 * @param filename where it goes in Fiji, with '/' ({@code plugins/ML4EM_-1.0.jar})
 * @param source the file to copy
 * @param platforms Fiji platforms it is for ({@code linux64}, …); empty for all
 * @param description shown in Fiji's updater
 */
public record SiteFile(String filename, Path source, List<String> platforms, String description) {

	public SiteFile {
		Objects.requireNonNull(filename, "filename");
		Objects.requireNonNull(source, "source");
		if (filename.startsWith("/") || filename.contains("\\") || filename.contains("..") || filename.contains(" "))
			throw new IllegalArgumentException("'" + filename + "' is not a relative path inside Fiji with '/' and without spaces");
		platforms = List.copyOf(platforms);
		description = description == null ? "" : description;
	}
}
